import { useState } from 'react';
import { useT } from '../../../../shared/i18n';
import type { JsonValue } from '../../../flow-editor/types';
import type { InputProps } from '../fieldProps';

/** The fallback for a shape no field component knows: the value as JSON, saved once it parses. */
export function JsonInput(field: InputProps) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const [parseError, setParseError] = useState<string | null>(null);
  const shown = draft ?? (field.value === undefined ? '' : JSON.stringify(field.value, null, 2));
  const errorId = `${field.inputId}-json`;
  return (
    <>
      <textarea
        id={field.inputId}
        rows={5}
        spellCheck={false}
        className="inspector-input inspector-input--code"
        value={shown}
        aria-invalid={field.invalid || !!parseError || undefined}
        aria-describedby={[parseError ? errorId : undefined, field.describedBy].filter(Boolean).join(' ') || undefined}
        data-testid={field.testId}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          if (text.trim() === '') {
            setParseError(null);
            field.onChange(undefined);
            return;
          }
          try {
            field.onChange(JSON.parse(text) as JsonValue);
            setParseError(null);
          } catch (error) {
            setParseError(error instanceof Error ? error.message : String(error));
          }
        }}
        onBlur={() => !parseError && setDraft(null)}
      />
      <p className={parseError ? 'inspector-field__error' : 'inspector-field__help'} id={errorId}>
        {parseError ? t('inspector.json.invalid', { message: parseError }) : t('inspector.json.hint')}
      </p>
    </>
  );
}
