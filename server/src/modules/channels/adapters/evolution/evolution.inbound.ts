import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ChannelIdentity, DeliveryStatus, ParsedConnection, ParsedEvent, ParsedInboundMessage, ParsedStatus, ParseResult, VerifyResult } from '../channel-adapter';
import { canonicalPhone, legacyBrazilianId } from '../../lib/phone';
import { contentOf, obj, replyToOf, str, type Json } from './evolution.content';

/**
 * Evolution webhooks in: the optional JWT check and the envelope → ParsedEvent[] mapping
 * (channels.md §1.3–§1.7). Pure: the clock comes in as an argument.
 */

/** Evolution signs `exp = iat + 600`; clocks of self-hosted servers drift, hence the slack (§1.5). */
const CLOCK_SKEW_SECONDS = 60;

/** HS256 JWT sent by Evolution 2.3+ when the webhook headers hold `jwt_key` (§1.5). */
export function verifyEvolutionJwt(authorization: string | undefined, jwtKey: string, nowMs: number): VerifyResult {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
  if (!token) return reject('no "Authorization: Bearer <JWT>" header: check that the instance webhook headers contain jwt_key (needs Evolution 2.3+), or clear jwtKey on the channel');
  const [header, payload, signature, extra] = token.split('.');
  if (!header || !payload || !signature || extra !== undefined) return reject('the bearer token is not a JWT (three dot-separated parts)');
  if (decodeSegment(header)?.alg !== 'HS256') return reject('the JWT is not signed with HS256: check the Evolution version');
  const expected = Buffer.from(createHmac('sha256', jwtKey).update(`${header}.${payload}`).digest('base64url'));
  const given = Buffer.from(signature);
  // Compare the encoded forms: base64url decoding ignores trailing bits, so decoded bytes would accept variants.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return reject('the JWT signature does not match: check that jwtKey equals the jwt_key in the instance webhook headers');
  }
  return checkClaims(decodeSegment(payload), nowMs / 1000);
}

function checkClaims(claims: Json | undefined, nowSeconds: number): VerifyResult {
  if (!claims || claims.app !== 'evolution') return reject('the JWT was not issued by Evolution (claim app must be "evolution")');
  if (typeof claims.exp !== 'number') return reject('the JWT has no exp claim');
  if (nowSeconds > claims.exp + CLOCK_SKEW_SECONDS) {
    return reject(`the JWT expired at ${new Date(claims.exp * 1000).toISOString()}: check the Evolution server's clock (or the request is a replay)`);
  }
  if (typeof claims.iat === 'number' && claims.iat > nowSeconds + CLOCK_SKEW_SECONDS) {
    return reject(`the JWT is issued in the future (${new Date(claims.iat * 1000).toISOString()}): check the Evolution server's clock`);
  }
  return { ok: true };
}

function reject(reason: string): VerifyResult {
  return { ok: false, reason: `Evolution webhook JWT: ${reason}` };
}

function decodeSegment(segment: string): Json | undefined {
  try {
    return obj(JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')));
  } catch {
    return undefined;
  }
}

export function parseEvolutionWebhook(rawBody: Buffer, nowMs: () => number): ParseResult {
  const body = parseBody(rawBody);
  const instance = str(body.instance);
  const events = eventsOf(normalizeEvent(body.event), body.data, nowMs);
  return instance ? { events, accountId: instance } : { events };
}

function parseBody(rawBody: Buffer): Json {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch (error) {
    throw new Error(`Evolution webhook body is not valid JSON: ${(error as Error).message}`);
  }
  const envelope = obj(body);
  if (!envelope) throw new Error('Evolution webhook body is not a JSON object (expected the {event, instance, data} envelope)');
  return envelope;
}

/** `messages.upsert`; tolerates the UPPER_SNAKE spelling used in webhook/set `events`. */
function normalizeEvent(event: unknown): string {
  return typeof event === 'string' ? event.toLowerCase().replace(/_/g, '.') : '';
}

function eventsOf(event: string, data: unknown, nowMs: () => number): ParsedEvent[] {
  switch (event) {
    case 'messages.upsert':
      return items(data).flatMap((item) => messageOf(item, nowMs) ?? []);
    case 'messages.update':
      return items(data).flatMap((item) => statusOf(item, nowMs) ?? []);
    case 'connection.update':
      return connectionOf(obj(data) ?? {});
    case 'qrcode.updated':
      return qrCodeOf(obj(data) ?? {});
    default:
      // send.message repeats our own sends: the send call's answer already gave us their ids.
      return [];
  }
}

/** `data` is one item; some builds batch them in an array. */
function items(data: unknown): Json[] {
  const list: unknown[] = Array.isArray(data) ? data : [data];
  return list.flatMap((item): Json[] => {
    const record = obj(item);
    return record ? [record] : [];
  });
}

function messageOf(data: Json, nowMs: () => number): ParsedInboundMessage | undefined {
  const key = obj(data.key);
  const remoteJid = str(key?.remoteJid);
  const id = str(key?.id);
  // Stories and channels are broadcasts, not conversations with the business.
  if (!key || !remoteJid || !id || remoteJid === 'status@broadcast' || remoteJid.endsWith('@newsletter')) return undefined;
  const fromMe = key.fromMe === true;
  const isGroup = remoteJid.endsWith('@g.us');
  const replyTo = replyToOf(data);
  return {
    kind: 'message',
    externalMessageId: id,
    // The host tells its own API sends apart from a human on the phone, by the ids it stored (§1.4 fromMe).
    direction: fromMe ? 'echo' : 'inbound',
    from: identityOf(key, remoteJid, isGroup, fromMe ? undefined : str(data.pushName)),
    conversation: { key: remoteJid, externalChatId: remoteJid, type: isGroup ? 'group' : 'private' },
    ...contentOf(data, id),
    ...(replyTo ? { replyTo: { externalMessageId: replyTo } } : {}),
    timestamp: timestampOf(data.messageTimestamp, nowMs),
    raw: withoutInlineMedia(data),
  };
}

/**
 * The customer (for fromMe too: the other side of the chat). In groups the author is the
 * participant. `pushName` of a fromMe message is the business's own name, so it is left out.
 */
function identityOf(key: Json, remoteJid: string, isGroup: boolean, name: string | undefined): ChannelIdentity {
  const primary = isGroup ? str(key.participant) ?? str(key.participantAlt) : remoteJid;
  const id = primary ?? remoteJid;
  const alternative = isGroup ? str(key.participantAlt) : str(key.remoteJidAlt);
  const phoneJid = [id, alternative].find((jid) => jid?.endsWith('@s.whatsapp.net'));
  const phone = phoneJid ? canonicalPhone(jidUser(phoneJid)) : undefined;
  const aliases = unique([alternative, ...phoneJids(phone)]).filter((alias) => alias !== id);
  return {
    id,
    ...(name ? { name } : {}),
    ...(phone ? { phone } : {}),
    ...(aliases.length ? { aliases } : {}),
  };
}

/** Both JIDs WhatsApp may use for one Brazilian mobile (13-digit canonical, 12-digit legacy). */
function phoneJids(phone: string | undefined): string[] {
  if (!phone) return [];
  const legacy = legacyBrazilianId(phone);
  return [`${phone}@s.whatsapp.net`, ...(legacy ? [`${legacy}@s.whatsapp.net`] : [])];
}

/** `5511999990001:12@s.whatsapp.net` → `5511999990001` (drops the device part). */
function jidUser(jid: string): string {
  return jid.split('@')[0]!.split(':')[0]!;
}

function unique(values: Array<string | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => !!value))];
}

/** Unix seconds: a number, a numeric string, or a protobuf Long `{low, high}` depending on the build. */
function timestampOf(value: unknown, nowMs: () => number): string {
  const long = obj(value);
  const seconds = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : typeof long?.low === 'number' ? long.low >>> 0 : NaN;
  return new Date(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : nowMs()).toISOString();
}

/** The webhook `base64` copy of the media stays out of the event (megabytes); resolveMedia fetches it. */
function withoutInlineMedia(data: Json): Json {
  const message = obj(data.message);
  if (typeof message?.base64 !== 'string') return data;
  return { ...data, message: { ...message, base64: `[omitted: ${message.base64.length} base64 characters]` } };
}

const STATUS_BY_NAME = new Map<string, DeliveryStatus>([
  ['SERVER_ACK', 'sent'],
  ['DELIVERY_ACK', 'delivered'],
  ['READ', 'read'],
  ['PLAYED', 'played'],
  ['DELETED', 'deleted'],
  ['ERROR', 'failed'],
]);

/** Older builds send the numeric receipt state: 0 ERROR, 1 PENDING, 2 SERVER_ACK, 3 DELIVERY_ACK, 4 READ, 5 PLAYED. */
const STATUS_NAMES = ['ERROR', 'PENDING', 'SERVER_ACK', 'DELIVERY_ACK', 'READ', 'PLAYED'];

function statusOf(data: Json, nowMs: () => number): ParsedStatus | undefined {
  const id = str(data.keyId) ?? str(obj(data.key)?.id);
  const name = typeof data.status === 'number' ? STATUS_NAMES[data.status] : str(data.status);
  const status = name ? STATUS_BY_NAME.get(name) : undefined;
  // Receipts of the customer's own messages (fromMe false) say nothing about what we sent.
  if (!id || !status || data.fromMe === false) return undefined;
  return {
    kind: 'status',
    externalMessageId: id,
    status,
    ...(status === 'failed' ? { error: { code: 'ERROR', category: 'provider' as const } } : {}),
    // messages.update carries no event time, and the envelope's date_time is skewed (§1.3).
    timestamp: new Date(nowMs()).toISOString(),
    raw: data,
  };
}

function connectionOf(data: Json): ParsedConnection[] {
  const state = str(data.state);
  if (state === 'open' || state === 'connecting') return [{ kind: 'connection', state, raw: data }];
  if (state === 'close' || state === 'refused') {
    // 401: the device was unlinked from the phone; a new QR scan is needed, not a reconnect.
    return [{ kind: 'connection', state: data.statusReason === 401 ? 'logged_out' : 'closed', raw: data }];
  }
  return [];
}

function qrCodeOf(data: Json): ParsedConnection[] {
  const qrcode = obj(data.qrcode);
  const code = str(qrcode?.code);
  if (qrcode && code) {
    const pngDataUrl = str(qrcode.base64);
    const qr = { code, ...(pngDataUrl ? { pngDataUrl } : {}), pairingCode: str(qrcode.pairingCode) ?? null };
    return [{ kind: 'connection', state: 'qr_required', qr, raw: data }];
  }
  // "QR code limit reached, please login again": Evolution stops trying until it is reconnected.
  return str(data.message) ? [{ kind: 'connection', state: 'closed', raw: data }] : [];
}
