import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { FormEvent } from 'react';
import { isApiError } from '../../../shared/api';
import { useErrorMessage, useT } from '../../../shared/i18n';
import { Alert, Button, DialogActions, TextField } from '../../../shared/ui';
import { useCreateChannel, useUpdateChannel } from '../hooks/useChannelMutations';
import { CHANNEL_FIELDS, CHANNEL_LIMITS, hasBotOptions } from '../lib/channelFields';
import type { ChannelField as Field } from '../lib/channelFields';
import {
  configField,
  createChannelBody,
  editChannelValues,
  newChannelValues,
  storedSecrets,
  updateChannelBody,
  validateChannel,
} from '../lib/channelForm';
import type { ChannelFormValues, FormErrors, FormFieldName } from '../lib/channelForm';
import { rejectedFields } from '../lib/serverErrors';
import type { ChannelType, ChannelView } from '../types';
import { ChannelField } from './ChannelField';
import { ChannelFlowsPicker } from './ChannelFlowsPicker';

type ChannelFormProps = {
  type: ChannelType;
  /** Editing this channel; connecting a new one without it. */
  channel?: ChannelView;
  onSaved: (channel: ChannelView) => void;
  onCancel: () => void;
  /** Connecting: back to the choice of type. */
  onBack?: () => void;
};

/**
 * The form of one channel type: its name, its config (basic fields first, the technical ones
 * folded away), and how the bot answers there. A refusal of the server keeps everything typed and
 * marks the fields it names.
 */
export function ChannelForm({ type, channel, onSaved, onCancel, onBack }: ChannelFormProps) {
  const t = useT();
  const describeError = useErrorMessage();
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const save = channel ? update : create;
  const stored = storedSecrets(channel);
  const [values, setValues] = useState<ChannelFormValues>(() =>
    channel ? editChannelValues(channel) : newChannelValues(type, (field) => initialOf(field, t)),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [optionsOpen, setOptionsOpen] = useState(false);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const inputs = useRef(new Map<FormFieldName, HTMLElement>());
  const fields = CHANNEL_FIELDS[type];
  const basic = fields.filter((field) => !field.advanced);
  const advanced = fields.filter((field) => field.advanced);
  const order: FormFieldName[] = ['name', ...fields.map((field) => configField(field.name)), 'pauseBotMinutes'];

  const errorOf = (name: FormFieldName) => {
    const error = errors[name];
    return error ? t(error.key, error.params) : undefined;
  };
  const refOf = (name: FormFieldName) => (element: HTMLElement | null) => {
    if (element) inputs.current.set(name, element);
    else inputs.current.delete(name);
  };
  /** An edited field drops its error until the next save. */
  const clearError = (name: FormFieldName) => setErrors((current) => (current[name] ? { ...current, [name]: undefined } : current));
  const setConfig = (name: string, value: string) => {
    setValues((current) => ({ ...current, config: { ...current.config, [name]: value } }));
    clearError(configField(name));
  };
  /** Marks the problems and focuses the first; a folded section with one opens first, so it can take the focus. */
  const showErrors = (found: FormErrors, openOptions = false) => {
    flushSync(() => {
      setErrors(found);
      if (openOptions || found.pauseBotMinutes) setOptionsOpen(true);
      if (advanced.some((field) => found[configField(field.name)])) setAdvancedOpen(true);
    });
    const first = order.find((name) => found[name]);
    if (first) inputs.current.get(first)?.focus();
    return first !== undefined;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (showErrors(validateChannel(type, values, stored))) return;
    const onError = (error: unknown) => void showErrors(rejectedFields(error, type), isApiError(error, 'CHANNEL_FLOWS_UNKNOWN'));
    if (channel) update.mutate({ id: channel.id, input: updateChannelBody(channel, values) }, { onSuccess: onSaved, onError });
    else create.mutate(createChannelBody(type, values), { onSuccess: onSaved, onError });
  };

  const renderField = (field: Field) => (
    <ChannelField
      key={field.name}
      field={field}
      value={values.config[field.name] ?? ''}
      onChange={(value) => setConfig(field.name, value)}
      error={errorOf(configField(field.name))}
      stored={stored.has(field.name)}
      inputRef={refOf(configField(field.name))}
    />
  );
  // The server named no field of the form: its own words are the only clue left.
  const unplaced = save.error && isApiError(save.error, 'CHANNEL_CONFIG_INVALID') && !fields.some((field) => errors[configField(field.name)]);

  return (
    <form className="channel-form" noValidate onSubmit={submit} data-testid={`channel-form-${type}`}>
      <TextField
        label={t('channels.form.name')}
        hint={t('channels.form.nameHint')}
        autoComplete="off"
        maxLength={CHANNEL_LIMITS.nameMax}
        value={values.name}
        error={errorOf('name')}
        onChange={(event) => {
          const name = event.target.value;
          setValues((current) => ({ ...current, name }));
          clearError('name');
        }}
        ref={refOf('name')}
        data-testid="channel-name"
      />
      {basic.map(renderField)}
      {advanced.length > 0 && (
        <details className="channel-form__section" open={advancedOpen} onToggle={(event) => setAdvancedOpen(event.currentTarget.open)}>
          <summary className="channel-form__summary">{t('channels.form.advanced')}</summary>
          <div className="channel-form__section-body">{advanced.map(renderField)}</div>
        </details>
      )}
      <details className="channel-form__section" open={optionsOpen} onToggle={(event) => setOptionsOpen(event.currentTarget.open)}>
        <summary className="channel-form__summary">{t(hasBotOptions(type) ? 'channels.form.options' : 'channels.form.optionsFlows')}</summary>
        <div className="channel-form__section-body">
          <ChannelFlowsPicker selected={values.flowIds} onChange={(flowIds) => setValues((current) => ({ ...current, flowIds }))} />
          {hasBotOptions(type) && (
            <>
              <TextField
                label={t('channels.form.pauseMinutes')}
                hint={t('channels.form.pauseMinutesHint')}
                type="number"
                inputMode="numeric"
                min={0}
                max={CHANNEL_LIMITS.pauseBotMinutesMax}
                value={values.pauseBotMinutes}
                error={errorOf('pauseBotMinutes')}
                onChange={(event) => {
                  const pauseBotMinutes = event.target.value;
                  setValues((current) => ({ ...current, pauseBotMinutes }));
                  clearError('pauseBotMinutes');
                }}
                ref={refOf('pauseBotMinutes')}
                data-testid="channel-pause-minutes"
              />
              <label className="channel-choices__option">
                <input
                  type="checkbox"
                  checked={values.allowGroups}
                  onChange={(event) => {
                    const allowGroups = event.target.checked;
                    setValues((current) => ({ ...current, allowGroups }));
                  }}
                  data-testid="channel-allow-groups"
                />
                <span>
                  <strong>{t('channels.form.allowGroups')}</strong>
                  <span className="channel-choices__hint">{t('channels.form.allowGroupsHint')}</span>
                </span>
              </label>
            </>
          )}
        </div>
      </details>
      {save.error && (
        <Alert data-testid="channel-error">
          {describeError(save.error)}
          {unplaced && ` ${t('channels.error.detail', { detail: save.error.message })}`}
        </Alert>
      )}
      <DialogActions>
        {onBack && (
          <Button variant="ghost" onClick={onBack} className="channel-form__back">
            {t('channels.dialog.back')}
          </Button>
        )}
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" busy={save.isPending} data-testid="channel-save">
          {save.isPending ? t('channels.form.saving') : channel ? t('channels.form.saveEdit') : t('channels.form.saveNew')}
        </Button>
      </DialogActions>
    </form>
  );
}

function initialOf(field: Field, t: (key: Field['label']) => string): string {
  if (!field.initial) return '';
  return typeof field.initial === 'string' ? field.initial : t(field.initial.key);
}
