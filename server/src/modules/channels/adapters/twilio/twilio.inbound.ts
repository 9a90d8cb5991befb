import type { InboundMessageType } from '@fluxo/node-sdk';
import { canonicalPhone, legacyBrazilianId } from '../../lib/phone';
import type { ChannelIdentity, DeliveryStatus, ParsedInboundMessage, ParsedStatus, ParseResult, WebhookRequest } from '../channel-adapter';
import type { TwilioConfig } from './twilio.config';
import { TWILIO_API_BASE_URL } from './twilio.config';
import { statusErrorOf } from './twilio.errors';

/** The form as an object for `raw`: a name that repeats keeps all its values. */
export type TwilioForm = Record<string, string | string[]>;

type Content = Pick<ParsedInboundMessage, 'type' | 'text' | 'media' | 'location' | 'interactive'>;

/**
 * Twilio's callback statuses (channels.md §4.5) → ours. The ones not listed (accepted, scheduled,
 * queued, sending, canceled, partially_delivered) are steps before Twilio hands the message over,
 * or outcomes of features we do not use: no event.
 */
const STATUS_MAP: Record<string, DeliveryStatus> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  undelivered: 'failed',
};

/** What an inbound message (as opposed to a status callback about ours) says of itself. */
const INBOUND_STATUSES = new Set(['received', 'receiving']);

/** MessageType values whose content we recognise from the other fields; anything else is `unsupported`. */
const KNOWN_MESSAGE_TYPES = new Set(['text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'interactive', 'button']);

/** A field, or undefined when absent or empty: Twilio sends empty strings for "none" (Body of a voice note, FromZip). */
function field(form: URLSearchParams, name: string): string | undefined {
  const value = form.get(name);
  return value === null || value === '' ? undefined : value;
}

function formObject(form: URLSearchParams): TwilioForm {
  const raw: TwilioForm = {};
  for (const [name, value] of form) {
    const seen = raw[name];
    raw[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return raw;
}

/**
 * Inbound messages and status callbacks are both forms about a MessageSid; a status callback is
 * the one whose MessageStatus (or legacy SmsStatus) is a delivery status, not `received`.
 */
export function parseTwilioWebhook(request: WebhookRequest, now: Date): ParseResult {
  const form = new URLSearchParams(request.rawBody.toString('utf8'));
  const accountId = field(form, 'AccountSid');
  const result = (events: ParseResult['events']): ParseResult => ({ events, ...(accountId ? { accountId } : {}) });
  const sid = field(form, 'MessageSid') ?? field(form, 'SmsMessageSid') ?? field(form, 'SmsSid');
  if (!sid) return result([]);
  const raw = formObject(form);
  const timestamp = now.toISOString();
  const status = field(form, 'MessageStatus') ?? field(form, 'SmsStatus');
  if (status !== undefined && !INBOUND_STATUSES.has(status)) {
    const event = statusEventOf(form, sid, status, timestamp, raw);
    return result(event ? [event] : []);
  }
  // Other Twilio callbacks can name a MessageSid too; a message always has Body (empty for media and locations).
  if (!form.has('Body') && !form.has('NumMedia') && !form.has('Latitude')) return result([]);
  // Without From there is nobody to answer and no conversation to put it in.
  const from = field(form, 'From');
  return result(from ? [messageEventOf(form, sid, from, timestamp, raw)] : []);
}

/**
 * The business number a webhook is about: `To` of a customer's message, `From` of a status
 * callback about ours (its `To` is the customer). Undefined for callbacks that name neither.
 */
export function twilioBusinessAddress(request: WebhookRequest): string | undefined {
  const form = new URLSearchParams(request.rawBody.toString('utf8'));
  const status = field(form, 'MessageStatus') ?? field(form, 'SmsStatus');
  return status !== undefined && !INBOUND_STATUSES.has(status) ? field(form, 'From') : field(form, 'To');
}

function statusEventOf(form: URLSearchParams, sid: string, twilioStatus: string, timestamp: string, raw: TwilioForm): ParsedStatus | undefined {
  const status = STATUS_MAP[twilioStatus];
  if (!status) return undefined;
  const code = field(form, 'ErrorCode');
  const error = status === 'failed' && code ? statusErrorOf(code, field(form, 'ErrorMessage')) : undefined;
  return { kind: 'status', externalMessageId: sid, status, ...(error ? { error } : {}), timestamp, raw };
}

/** `chat` is From as received: replies must go to exactly this address (`whatsapp:+…` or `+…`). */
function messageEventOf(form: URLSearchParams, sid: string, chat: string, timestamp: string, raw: TwilioForm): ParsedInboundMessage {
  const repliedTo = field(form, 'OriginalRepliedMessageSid');
  return {
    kind: 'message',
    externalMessageId: sid,
    direction: 'inbound',
    from: identityOf(form, chat),
    conversation: { key: chat, externalChatId: chat, type: 'private' },
    ...contentOf(form),
    ...(repliedTo ? { replyTo: { externalMessageId: repliedTo } } : {}),
    // Twilio's inbound webhook carries no time of its own: receipt time is the best there is.
    timestamp,
    raw,
  };
}

function identityOf(form: URLSearchParams, from: string): ChannelIdentity {
  const waId = field(form, 'WaId');
  const id = waId ?? from.replace(/^whatsapp:/, '');
  const phone = canonicalPhone(waId ?? from);
  const legacy = phone ? legacyBrazilianId(phone) : undefined;
  const name = field(form, 'ProfileName');
  return {
    id,
    ...(name ? { name } : {}),
    ...(phone ? { phone } : {}),
    ...(legacy && legacy !== id ? { aliases: [legacy] } : {}),
  };
}

/**
 * The type comes from the fields that carry the content (button payload, media, coordinates)
 * rather than from MessageType, whose full list Twilio does not document (channels.md §4.1).
 */
function contentOf(form: URLSearchParams): Content {
  const body = field(form, 'Body');
  const text = body !== undefined ? { text: body } : {};
  const payload = field(form, 'ButtonPayload');
  if (payload) {
    const title = field(form, 'ButtonText');
    const shown = title ?? body;
    return { type: 'interactive_reply', ...(shown ? { text: shown } : {}), interactive: { id: payload, ...(title ? { title } : {}), source: 'reply_button' } };
  }
  const media = mediaOf(form);
  if (media) return { ...media, ...text };
  const location = locationOf(form);
  if (location) return { type: 'location', location, ...text };
  const messageType = field(form, 'MessageType');
  if (messageType !== undefined && !KNOWN_MESSAGE_TYPES.has(messageType)) return { type: 'unsupported', ...text };
  return body !== undefined ? { type: 'text', text: body } : { type: 'unsupported' };
}

/**
 * Only the first item: WhatsApp carries one per message, and the contract holds one. MMS can
 * carry up to 10; the rest stay in `raw`. The URL needs the account's Basic auth to download, so
 * it doubles as the provider media id the host resolves (`resolveMedia` adds the auth).
 */
function mediaOf(form: URLSearchParams): Pick<Content, 'type' | 'media'> | undefined {
  const url = field(form, 'MediaUrl0');
  if (Number(field(form, 'NumMedia') ?? '0') < 1 || !url) return undefined;
  const mime = field(form, 'MediaContentType0');
  const type = mediaTypeOf(mime);
  return { type, media: { providerMediaId: url, url, ...(mime ? { mime } : {}), ...(type === 'voice' ? { isVoiceNote: true } : {}) } };
}

export function mediaTypeOf(mime: string | undefined): InboundMessageType {
  const base = (mime ?? '').split(';')[0]!.trim().toLowerCase();
  if (base === 'image/webp') return 'sticker';
  if (base.startsWith('image/')) return 'image';
  // WhatsApp voice notes are Opus in Ogg; other audio is a forwarded or attached file.
  if (base === 'audio/ogg') return 'voice';
  if (base.startsWith('audio/')) return 'audio';
  if (base.startsWith('video/')) return 'video';
  if (base.startsWith('application/') || base.startsWith('text/')) return 'document';
  return 'unsupported';
}

function locationOf(form: URLSearchParams): ParsedInboundMessage['location'] | undefined {
  const lat = Number(field(form, 'Latitude') ?? Number.NaN);
  const lng = Number(field(form, 'Longitude') ?? Number.NaN);
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return undefined;
  const name = field(form, 'Label');
  const address = field(form, 'Address');
  return { lat, lng, ...(name ? { name } : {}), ...(address ? { address } : {}) };
}

/**
 * How to download an inbound media URL: it answers only with the account's Basic auth. The
 * credentials go only to that account's media on Twilio's API (or the configured base, a local
 * fake in tests), never to another host a payload might name.
 */
export function twilioMediaAccess(providerMediaId: string, config: TwilioConfig): { url: string; headers: Record<string, string> } {
  let url: URL;
  try {
    url = new URL(providerMediaId);
  } catch {
    throw new Error('Not a Twilio media URL.');
  }
  const origins = [new URL(TWILIO_API_BASE_URL).origin, new URL(config.apiBaseUrl).origin];
  if (!origins.includes(url.origin) || !url.pathname.startsWith(`/2010-04-01/Accounts/${config.accountSid}/`)) {
    throw new Error(`Not a media URL of Twilio account ${config.accountSid}: ${url.origin}${url.pathname}`);
  }
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`, 'utf8').toString('base64')}`;
  return { url: url.toString(), headers: { authorization } };
}
