import { useId, useState } from 'react';
import { useT } from '../../../shared/i18n';
import { Button } from '../../../shared/ui';
import type { ChannelField as Field } from '../lib/channelFields';
import { generateSecretToken } from '../lib/secretToken';

type ChannelFieldProps = {
  field: Field;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** A secret the channel already has: empty keeps it. */
  stored: boolean;
  /** For focusing the first field with a problem. */
  inputRef?: (element: HTMLElement | null) => void;
};

/**
 * One config field with its label, plain-words hint and error, in the shared field's look. A
 * secret is hidden (with a button to show it) and, when the channel has one, may stay empty.
 */
export function ChannelField({ field, value, onChange, error, stored, inputRef }: ChannelFieldProps) {
  const t = useT();
  const id = useId();
  const [revealed, setRevealed] = useState(false);
  const hint = stored ? `${t(field.hint)} ${t('channels.field.secretStored')}` : t(field.hint);
  const describedBy = [error && `${id}-error`, `${id}-hint`].filter(Boolean).join(' ');
  const shared = {
    id,
    ref: inputRef,
    name: field.name,
    value,
    className: 'ui-field__input',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'data-testid': `channel-field-${field.name}`,
  };

  return (
    <div className="ui-field">
      <label className="ui-field__label" htmlFor={id}>
        {t(field.label)}
      </label>
      {field.kind === 'lines' || field.kind === 'multiline' ? (
        <textarea rows={3} spellCheck={false} {...shared} onChange={(event) => onChange(event.target.value)} />
      ) : field.kind === 'colour' ? (
        <input type="color" {...shared} className="ui-field__input channel-field__colour" onChange={(event) => onChange(event.target.value)} />
      ) : field.kind === 'secret' ? (
        <div className="channel-field__secret">
          <input
            type={revealed ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            placeholder={stored ? t('channels.field.secretPlaceholder') : undefined}
            {...shared}
            onChange={(event) => onChange(event.target.value)}
          />
          <Button size="small" variant="ghost" aria-pressed={revealed} aria-controls={id} onClick={() => setRevealed(!revealed)}>
            {revealed ? t('channels.field.hide') : t('channels.field.show')}
          </Button>
          {field.generate && (
            <Button
              size="small"
              onClick={() => {
                onChange(generateSecretToken());
                setRevealed(true);
              }}
              data-testid="channel-generate"
            >
              {t('channels.field.generate')}
            </Button>
          )}
        </div>
      ) : (
        <input type="text" autoComplete="off" spellCheck={false} {...shared} onChange={(event) => onChange(event.target.value)} />
      )}
      {error && (
        <p id={`${id}-error`} className="ui-field__error">
          {error}
        </p>
      )}
      <p id={`${id}-hint`} className="ui-field__hint">
        {hint}
      </p>
    </div>
  );
}
