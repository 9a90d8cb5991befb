import type { MessageKey } from '../../../shared/i18n';
import type { ChannelType } from '../types';

/**
 * How a config field is typed: a line of text, a secret (hidden, never shown back), a list (one
 * item a line, sent as an array), a longer text, or a colour.
 */
export type FieldKind = 'text' | 'secret' | 'lines' | 'multiline' | 'colour';

export type ChannelField = {
  name: string;
  kind: FieldKind;
  label: MessageKey;
  hint: MessageKey;
  /** May stay empty: then it is not sent (the server uses its default). */
  optional?: boolean;
  /** Under "advanced settings", closed unless the server rejected one of them. */
  advanced?: boolean;
  /** What the server uses when the field is empty: sent when someone clears a field that had a value. */
  defaultValue?: string;
  /** Prefilled when connecting a new channel: a literal, or a catalog message (it follows the language). */
  initial?: string | { key: MessageKey };
  /** Offers a "generate" button that fills in a random secret. */
  generate?: boolean;
};

const field = (type: ChannelType, name: string, kind: FieldKind, extra: Partial<ChannelField> = {}): ChannelField => ({
  name,
  kind,
  label: `channels.field.${type}.${name}` as MessageKey,
  hint: `channels.field.${type}.${name}.hint` as MessageKey,
  ...extra,
});

/** The config of each type, as the server's adapters parse it (server/src/modules/channels/adapters/). */
export const CHANNEL_FIELDS: Record<ChannelType, ChannelField[]> = {
  whatsapp_cloud: [
    field('whatsapp_cloud', 'phoneNumberId', 'text'),
    field('whatsapp_cloud', 'accessToken', 'secret'),
    field('whatsapp_cloud', 'appSecret', 'secret'),
    field('whatsapp_cloud', 'verifyToken', 'secret'),
    field('whatsapp_cloud', 'apiBaseUrl', 'text', { optional: true, advanced: true, defaultValue: 'https://graph.facebook.com' }),
    field('whatsapp_cloud', 'apiVersion', 'text', { optional: true, advanced: true, defaultValue: 'v25.0' }),
  ],
  evolution: [
    field('evolution', 'baseUrl', 'text'),
    field('evolution', 'instance', 'text'),
    field('evolution', 'apiKey', 'secret'),
    field('evolution', 'jwtKey', 'secret', { optional: true, advanced: true }),
  ],
  telegram: [
    field('telegram', 'botToken', 'secret'),
    field('telegram', 'secretToken', 'secret', { generate: true }),
    field('telegram', 'apiBaseUrl', 'text', { optional: true, advanced: true, defaultValue: 'https://api.telegram.org' }),
  ],
  twilio: [
    field('twilio', 'accountSid', 'text'),
    field('twilio', 'authToken', 'secret'),
    field('twilio', 'from', 'text'),
    field('twilio', 'apiBaseUrl', 'text', { optional: true, advanced: true, defaultValue: 'https://api.twilio.com' }),
  ],
  webchat: [
    field('webchat', 'allowedOrigins', 'lines'),
    field('webchat', 'title', 'text', { initial: { key: 'channels.webchat.defaultTitle' }, defaultValue: 'Fale conosco' }),
    field('webchat', 'subtitle', 'text', { optional: true }),
    field('webchat', 'primaryColour', 'colour', { initial: '#0f766e', defaultValue: '#0f766e' }),
    field('webchat', 'greeting', 'multiline', { optional: true }),
  ],
};

/** Types whose provider has an API to register the webhook: `POST /api/channels/:id/activate` does it. */
export const ACTIVATABLE_TYPES = ['telegram', 'evolution'] as const;
export type ActivatableType = (typeof ACTIVATABLE_TYPES)[number];

export function isActivatable(type: ChannelType): type is ActivatableType {
  return (ACTIVATABLE_TYPES as readonly ChannelType[]).includes(type);
}

/** The website chat has no phone to answer from and no groups: those options do not apply to it. */
export function hasBotOptions(type: ChannelType): boolean {
  return type !== 'webchat';
}

/** The server's limits on a channel (channels.dto.ts). */
export const CHANNEL_LIMITS = { nameMax: 100, pauseBotMinutesMax: 7 * 24 * 60, defaultPauseBotMinutes: 60 } as const;
