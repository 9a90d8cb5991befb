import type { FieldError } from '../../../shared/lib/validation';
import { maxLength, required } from '../../../shared/lib/validation';
import { SECRET_MASK } from '../types';
import type { ChannelType, ChannelView, CreateChannelInput, UpdateChannelInput } from '../types';
import { CHANNEL_FIELDS, CHANNEL_LIMITS, hasBotOptions } from './channelFields';
import type { ChannelField } from './channelFields';

/** What the form holds: every config field as typed (a list is one item a line), and the bot's options. */
export type ChannelFormValues = {
  name: string;
  config: Record<string, string>;
  /** Empty: every published flow answers. */
  flowIds: string[];
  pauseBotMinutes: string;
  allowGroups: boolean;
};

/** `name`, `pauseBotMinutes`, or `config.<field>`. */
export type FormFieldName = 'name' | 'pauseBotMinutes' | `config.${string}`;
export type FormErrors = Partial<Record<FormFieldName, FieldError>>;

export const configField = (name: string): FormFieldName => `config.${name}`;

/** A new channel's form: empty, but for the fields with a sensible start (the chat's title and colour). */
export function newChannelValues(type: ChannelType, translate: (field: ChannelField) => string): ChannelFormValues {
  return {
    name: '',
    config: Object.fromEntries(CHANNEL_FIELDS[type].map((field) => [field.name, translate(field)])),
    flowIds: [],
    pauseBotMinutes: String(CHANNEL_LIMITS.defaultPauseBotMinutes),
    allowGroups: false,
  };
}

/** A stored channel's form. Secrets start empty: the server never shows them, and empty means "keep". */
export function editChannelValues(channel: ChannelView): ChannelFormValues {
  return {
    name: channel.name,
    config: Object.fromEntries(CHANNEL_FIELDS[channel.type].map((field) => [field.name, field.kind === 'secret' ? '' : asText(channel.config[field.name])])),
    flowIds: channel.flowIds ?? [],
    pauseBotMinutes: String(channel.pauseBotMinutes),
    allowGroups: channel.allowGroups,
  };
}

/** The secrets a stored channel has (shown masked): left empty, they keep their value. */
export function storedSecrets(channel: ChannelView | undefined): Set<string> {
  if (!channel) return new Set();
  return new Set(CHANNEL_FIELDS[channel.type].filter((field) => field.kind === 'secret' && channel.config[field.name] === SECRET_MASK).map((field) => field.name));
}

/** What can be told before asking the server: required fields, the name's length, the pause in minutes. */
export function validateChannel(type: ChannelType, values: ChannelFormValues, stored: Set<string>): FormErrors {
  const errors: FormErrors = {};
  const name = required(values.name) ?? maxLength(values.name, CHANNEL_LIMITS.nameMax);
  if (name) errors.name = name;
  for (const field of CHANNEL_FIELDS[type]) {
    if (field.optional || stored.has(field.name)) continue;
    const error = required(values.config[field.name] ?? '');
    if (error) errors[configField(field.name)] = error;
  }
  if (hasBotOptions(type) && !isMinutes(values.pauseBotMinutes)) {
    errors.pauseBotMinutes = { key: 'channels.form.pauseMinutesInvalid', params: { max: CHANNEL_LIMITS.pauseBotMinutesMax } };
  }
  return errors;
}

/** `POST /api/channels`: empty optional fields are left out, so the server applies its defaults. */
export function createChannelBody(type: ChannelType, values: ChannelFormValues): CreateChannelInput {
  const config: Record<string, unknown> = {};
  for (const field of CHANNEL_FIELDS[type]) {
    const value = configValue(field, values.config[field.name] ?? '');
    if (value !== undefined) config[field.name] = value;
  }
  return { type, name: values.name.trim(), config, ...options(type, values) };
}

/**
 * `PUT /api/channels/:id`. A secret goes only when someone typed a new one (left out, the server
 * keeps it). A cleared optional field that had a value goes back to the server's default.
 */
export function updateChannelBody(channel: ChannelView, values: ChannelFormValues): UpdateChannelInput {
  const config: Record<string, unknown> = {};
  for (const field of CHANNEL_FIELDS[channel.type]) {
    const value = configValue(field, values.config[field.name] ?? '');
    if (value !== undefined) config[field.name] = value;
    else if (field.kind !== 'secret' && channel.config[field.name] !== undefined) config[field.name] = field.defaultValue ?? '';
  }
  return { name: values.name.trim(), config, ...options(channel.type, values) };
}

function options(type: ChannelType, values: ChannelFormValues) {
  const flowIds = values.flowIds.length ? values.flowIds : null;
  if (!hasBotOptions(type)) return { flowIds };
  return { flowIds, pauseBotMinutes: Number(values.pauseBotMinutes.trim()), allowGroups: values.allowGroups };
}

/** A list is one item a line (commas work too); undefined means "not given". */
function configValue(field: ChannelField, typed: string): unknown {
  if (field.kind === 'lines') {
    const items = typed.split(/[\s,]+/).filter(Boolean);
    return items.length ? items : undefined;
  }
  const value = typed.trim();
  return value ? value : undefined;
}

function asText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join('\n');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function isMinutes(text: string): boolean {
  if (!/^\d+$/.test(text.trim())) return false;
  return Number(text) <= CHANNEL_LIMITS.pauseBotMinutesMax;
}
