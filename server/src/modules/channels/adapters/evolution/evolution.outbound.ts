import type { OutboundMessage } from '@fluxo/node-sdk';
import type { SendRequest, SendResult } from '../channel-adapter';
import { providerFetch } from '../provider-http';
import type { EvolutionConfig } from './evolution.config';
import { httpFailure, networkFailure, type FailureContext, type SendFailure } from './evolution.errors';

/**
 * Evolution REST calls out (channels.md §1.8): one POST per message, `apikey` header, JSON body,
 * 201 with the created message in upsert shape. No retries here: the host owns them.
 */

export type EvolutionHttpOptions = { timeoutMs: number; now: () => number };

type Call = { path: string; body: Record<string, unknown> };
type CallResult = { ok: true; status: number; body: unknown } | { ok: false; failure: SendFailure };

/** Typing is shown for this long; Evolution holds the request open meanwhile, then sends "paused". */
const TYPING_MS = 1200;

/** The webhook events the adapter parses; everything else would be posted and ignored. */
export const WEBHOOK_EVENTS = ['MESSAGES_UPSERT', 'MESSAGES_UPDATE', 'SEND_MESSAGE', 'CONNECTION_UPDATE', 'QRCODE_UPDATED'];

export async function sendEvolution(request: SendRequest, config: EvolutionConfig, options: EvolutionHttpOptions): Promise<SendResult> {
  const call = callFor(request.message, evolutionNumber(request.to), request.replyToExternalMessageId);
  if (call === 'unsupported') {
    return { ok: false, category: 'unsupported', retriable: false, message: `Evolution (Baileys) cannot send "${request.message.kind}" messages: the host should have degraded it to text` };
  }
  // Typing stops by itself (after TYPING_MS, or when the next message goes out): "off" needs no call.
  if (call === 'nothing') return { ok: true, externalMessageId: '' };
  const result = await postEvolution(config, call.path, call.body, options);
  if (!result.ok) return result.failure;
  if (call.path === '/chat/sendPresence') return { ok: true, externalMessageId: '' };
  const id = messageIdOf(result.body);
  if (id) return { ok: true, externalMessageId: id };
  // Accepted but unidentifiable: retrying could send it twice, so this failure is final.
  return { ok: false, category: 'provider', retriable: false, providerCode: String(result.status), message: `Evolution answered ${result.status} without key.id: the message may have been sent` };
}

/** The `number` field: digits for a person's JID, the whole JID for groups and LIDs (§1.8). */
export function evolutionNumber(to: string): string {
  const person = /^(\d+)(?::\d+)?@s\.whatsapp\.net$/.exec(to);
  if (person) return person[1]!;
  return to.includes('@') ? to : to.replace(/^\+/, '');
}

function callFor(message: OutboundMessage, number: string, replyTo: string | undefined): Call | 'unsupported' | 'nothing' {
  const quoted = replyTo ? { quoted: { key: { id: replyTo } } } : {};
  switch (message.kind) {
    case 'text': {
      const preview = message.previewUrl === undefined ? {} : { linkPreview: message.previewUrl };
      return { path: '/message/sendText', body: { number, text: message.text, ...preview, ...quoted } };
    }
    case 'media':
      return mediaCall(message, number, quoted);
    case 'location':
      // Evolution's schema requires name and address, even empty.
      return { path: '/message/sendLocation', body: { number, latitude: message.lat, longitude: message.lng, name: message.name ?? '', address: message.address ?? '', ...quoted } };
    case 'typing':
      return message.on ? { path: '/chat/sendPresence', body: { number, presence: 'composing', delay: TYPING_MS } } : 'nothing';
    default:
      // Buttons and lists do not reach Baileys users (issues #1272, #1620); templates are Cloud-only.
      return 'unsupported';
  }
}

function mediaCall(message: Extract<OutboundMessage, { kind: 'media' }>, number: string, quoted: object): Call {
  // sendWhatsAppAudio converts to ogg/opus and marks it as a voice note (PTT); sendMedia would not.
  if (message.mediaType === 'voice') return { path: '/message/sendWhatsAppAudio', body: { number, audio: message.url, ...quoted } };
  // Evolution derives a missing document name from the URL with a regex that fails on URLs without a dot.
  const fileName = message.fileName ?? (message.mediaType === 'document' ? fileNameOf(message.url) : undefined);
  const body = {
    number,
    mediatype: message.mediaType,
    ...(message.mime ? { mimetype: message.mime } : {}),
    media: message.url,
    ...(fileName ? { fileName } : {}),
    ...(message.caption ? { caption: message.caption } : {}),
    ...quoted,
  };
  return { path: '/message/sendMedia', body };
}

function fileNameOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'document';
  } catch {
    return 'document';
  }
}

function messageIdOf(body: unknown): string | undefined {
  const key = body && typeof body === 'object' ? (body as { key?: { id?: unknown } }).key : undefined;
  return typeof key?.id === 'string' && key.id !== '' ? key.id : undefined;
}

/** Points the instance's webhook at us, with the v2.2+ nested body (§1.2). */
export async function activateEvolution(config: EvolutionConfig, options: EvolutionHttpOptions): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!config.webhookUrl) return { ok: false, message: 'the channel has no webhookUrl: the host must add it before activating' };
  const webhook = {
    enabled: true,
    url: config.webhookUrl,
    // One URL for every event: we route on body.event.
    byEvents: false,
    // Media is fetched on demand by resolveMedia instead of riding in every webhook.
    base64: false,
    events: WEBHOOK_EVENTS,
    // Evolution turns jwt_key into a signed `Authorization: Bearer` JWT instead of sending it (§1.5).
    headers: config.jwtKey ? { jwt_key: config.jwtKey } : {},
  };
  const result = await postEvolution(config, '/webhook/set', { webhook }, options);
  return result.ok ? { ok: true } : { ok: false, message: `could not set the webhook: ${result.failure.message}` };
}

/** Downloads (and decrypts) media through Evolution, as a data: URL: WhatsApp's CDN file is encrypted. */
export async function resolveEvolutionMedia(messageId: string, config: EvolutionConfig, options: EvolutionHttpOptions): Promise<{ url: string; mime: string; headers: Record<string, string> }> {
  const result = await postEvolution(config, '/chat/getBase64FromMediaMessage', { message: { key: { id: messageId } } }, options);
  if (!result.ok) throw new Error(`could not download media of message ${messageId}: ${result.failure.message}`);
  const body = (result.body && typeof result.body === 'object' ? result.body : {}) as Record<string, unknown>;
  const base64 = typeof body.base64 === 'string' ? body.base64.replace(/^data:[^,]*,/, '') : '';
  if (!base64) throw new Error(`Evolution returned no base64 for message ${messageId}: the media may have expired on WhatsApp`);
  const mime = typeof body.mimetype === 'string' && body.mimetype ? body.mimetype : mimeOfMediaType(body.mediaType);
  // Data-URL media types have no spaces: `audio/ogg; codecs=opus` → `audio/ogg;codecs=opus`.
  return { url: `data:${mime.replace(/\s+/g, '')};base64,${base64}`, mime, headers: {} };
}

/** Some builds answer only `mediaType` (the content key, e.g. `audioMessage`): WhatsApp's usual types. */
function mimeOfMediaType(mediaType: unknown): string {
  const byType: Record<string, string> = { imageMessage: 'image/jpeg', audioMessage: 'audio/ogg', videoMessage: 'video/mp4', ptvMessage: 'video/mp4', stickerMessage: 'image/webp' };
  return (typeof mediaType === 'string' && Object.hasOwn(byType, mediaType) ? byType[mediaType] : undefined) ?? 'application/octet-stream';
}

/** One POST to `{baseUrl}{path}/{instance}`; every failure comes back as a SendFailure, never thrown. */
export async function postEvolution(config: EvolutionConfig, path: string, body: unknown, options: EvolutionHttpOptions): Promise<CallResult> {
  const context: FailureContext = { baseUrl: config.baseUrl, instance: config.instance, apiKey: config.apiKey, timeoutMs: options.timeoutMs };
  try {
    const response = await providerFetch(`${config.baseUrl}${path}/${encodeURIComponent(config.instance)}`, {
      method: 'POST',
      headers: { apikey: config.apiKey, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    const parsed = parseJson(text);
    if (response.ok) return { ok: true, status: response.status, body: parsed };
    return { ok: false, failure: httpFailure(response.status, parsed, response.headers.get('retry-after'), context, options.now()) };
  } catch (error) {
    return { ok: false, failure: networkFailure(error, context) };
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return text;
  }
}
