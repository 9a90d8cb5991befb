import type { InboundInteractive } from '@fluxo/node-sdk';
import type { DeliveryStatus, ParsedEvent, ParsedInboundMessage, ParsedStatus, ParseResult } from '../channel-adapter';
import { canonicalPhone } from '../../lib/phone';
import { categoryOfCode } from './whatsapp-cloud.errors';
import { defined } from './whatsapp-cloud.objects';
import type { CloudChangeValue, CloudContact, CloudError, CloudMedia, CloudMessage, CloudStatus, CloudWebhookBody } from './whatsapp-cloud.payload';

type Content = Pick<ParsedInboundMessage, 'type' | 'text' | 'media' | 'location' | 'interactive' | 'reaction'>;
type Sender = Pick<ParsedInboundMessage, 'from' | 'conversation'>;

const UNSUPPORTED: Content = { type: 'unsupported' };
const DELIVERY_STATUSES: ReadonlySet<string> = new Set<DeliveryStatus>(['sent', 'delivered', 'read', 'played', 'failed', 'deleted']);

/**
 * A Cloud API webhook POST → events (channels.md §2.3, §2.4, §6.3). One POST can carry several
 * changes, each with messages and statuses. Items we cannot key (no id, no sender) are skipped,
 * not fatal: the rest of the batch still counts, and Meta would redeliver a rejected batch for days.
 */
export function parseWebhookBody(rawBody: Buffer, receivedAt: Date = new Date()): ParseResult {
  const events: ParsedEvent[] = [];
  let accountId: string | undefined;
  for (const value of messageChanges(readBody(rawBody))) {
    accountId ??= str(value.metadata?.phone_number_id);
    const contacts = list<CloudContact>(value.contacts);
    for (const message of list<CloudMessage>(value.messages)) pushDefined(events, parseMessage(message, contacts, receivedAt));
    for (const status of list<CloudStatus>(value.statuses)) pushDefined(events, parseStatus(status, receivedAt));
  }
  return accountId ? { events, accountId } : { events };
}

function readBody(rawBody: Buffer): CloudWebhookBody {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new Error(`WhatsApp Cloud webhook body is not valid JSON (${rawBody.length} bytes)`);
  }
  if (!isObject(body) || body.object !== 'whatsapp_business_account') {
    throw new Error('WhatsApp Cloud webhook body is not a WhatsApp Business Account notification: "object" must be "whatsapp_business_account"');
  }
  return body as CloudWebhookBody;
}

/** Other fields (template status, account updates, message echoes) are not conversations. */
function messageChanges(body: CloudWebhookBody): CloudChangeValue[] {
  return list<{ changes?: unknown }>(body.entry)
    .flatMap((entry) => list<{ field?: unknown; value?: unknown }>(entry.changes))
    .filter((change) => change.field === 'messages' && isObject(change.value))
    .map((change) => change.value as CloudChangeValue);
}

function parseMessage(message: CloudMessage, contacts: CloudContact[], receivedAt: Date): ParsedInboundMessage | undefined {
  const externalMessageId = str(message.id);
  const sender = senderOf(message, contacts);
  if (!externalMessageId || !sender) return undefined;
  const replyTo = str(message.context?.id);
  return {
    kind: 'message',
    externalMessageId,
    direction: 'inbound',
    ...sender,
    ...contentOf(message),
    ...(replyTo ? { replyTo: { externalMessageId: replyTo } } : {}),
    timestamp: isoTime(message.timestamp, receivedAt),
    raw: message,
  };
}

/**
 * Replies go to the id as received (a legacy 12-digit Brazilian wa_id stays 12 digits), while
 * `phone` is the canonical number the CRM matches on (channels.md §6.8).
 */
function senderOf(message: CloudMessage, contacts: CloudContact[]): Sender | undefined {
  const from = str(message.from);
  const fromUserId = str(message.from_user_id);
  const contact = contacts.find((candidate) => (from && candidate.wa_id === from) || (fromUserId && candidate.user_id === fromUserId)) ?? (contacts.length === 1 ? contacts[0] : undefined);
  const waId = str(contact?.wa_id) ?? from;
  const userId = str(contact?.user_id) ?? fromUserId;
  const id = from ?? fromUserId ?? waId ?? userId;
  const key = waId ?? userId;
  if (!id || !key) return undefined;
  const phone = canonicalPhone(waId);
  const aliases = [...new Set([userId, waId !== phone ? waId : undefined].filter((alias): alias is string => alias !== undefined))];
  return {
    from: defined({ id, name: str(contact?.profile?.name), phone, aliases: aliases.length ? aliases : undefined }),
    conversation: { key, externalChatId: from ?? waId ?? key, type: 'private' },
  };
}

const CONTENT = new Map<string, (message: CloudMessage) => Content | undefined>([
  ['text', (message) => (typeof message.text?.body === 'string' ? { type: 'text', text: message.text.body } : undefined)],
  ['image', (message) => mediaContent('image', message.image)],
  ['video', (message) => mediaContent('video', message.video)],
  ['document', (message) => mediaContent('document', message.document)],
  ['sticker', (message) => mediaContent('sticker', message.sticker)],
  ['audio', (message) => mediaContent(message.audio?.voice === true ? 'voice' : 'audio', message.audio)],
  ['location', (message) => locationContent(message.location)],
  ['contacts', () => ({ type: 'contact' })],
  ['interactive', (message) => interactiveContent(message.interactive)],
  ['button', (message) => buttonContent(message.button)],
  ['reaction', (message) => reactionContent(message.reaction)],
  ['system', (message) => defined<Content>({ type: 'system', text: str(message.system?.body) })],
]);

/** `order`, `unsupported` (view-once, polls…), unknown types and malformed payloads all end up unsupported, raw kept. */
function contentOf(message: CloudMessage): Content {
  const build = message.type === undefined ? undefined : CONTENT.get(message.type);
  return build?.(message) ?? UNSUPPORTED;
}

function mediaContent(type: 'image' | 'video' | 'document' | 'sticker' | 'audio' | 'voice', media: CloudMedia | undefined): Content | undefined {
  if (!isObject(media)) return undefined;
  const isAudio = type === 'audio' || type === 'voice';
  return defined<Content>({
    type,
    text: str(media.caption),
    media: defined({ providerMediaId: str(media.id), mime: str(media.mime_type), fileName: str(media.filename), isVoiceNote: isAudio ? type === 'voice' : undefined }),
  });
}

function locationContent(location: CloudMessage['location']): Content | undefined {
  const lat = location?.latitude;
  const lng = location?.longitude;
  if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng)) return undefined;
  return { type: 'location', location: defined({ lat, lng, name: str(location?.name), address: str(location?.address) }) };
}

/** `nfm_reply` (Flows) carries no option id to route on, so it stays unsupported for now. */
function interactiveContent(interactive: CloudMessage['interactive']): Content | undefined {
  const reply = interactive?.type === 'button_reply' ? interactive.button_reply : interactive?.type === 'list_reply' ? interactive.list_reply : undefined;
  const id = str(reply?.id);
  if (!id) return undefined;
  const title = str(reply?.title);
  const source = interactive?.type === 'button_reply' ? 'reply_button' : 'list';
  return defined<Content>({ type: 'interactive_reply', text: title, interactive: defined<InboundInteractive>({ id, title, source }) });
}

function buttonContent(button: CloudMessage['button']): Content | undefined {
  const id = str(button?.payload);
  if (!id) return undefined;
  const title = str(button?.text);
  return defined<Content>({ type: 'button', text: title, interactive: defined<InboundInteractive>({ id, title, source: 'template_button' }) });
}

/** An empty emoji means the reaction was removed. */
function reactionContent(reaction: CloudMessage['reaction']): Content | undefined {
  const target = str(reaction?.message_id);
  if (!target) return undefined;
  return { type: 'reaction', reaction: { targetExternalMessageId: target, emoji: str(reaction?.emoji) ?? null } };
}

function parseStatus(status: CloudStatus, receivedAt: Date): ParsedStatus | undefined {
  const externalMessageId = str(status.id);
  if (!externalMessageId || typeof status.status !== 'string' || !DELIVERY_STATUSES.has(status.status)) return undefined;
  const error = status.status === 'failed' ? statusError(list<CloudError>(status.errors)[0]) : undefined;
  return {
    kind: 'status',
    externalMessageId,
    status: status.status as DeliveryStatus,
    ...(error ? { error } : {}),
    timestamp: isoTime(status.timestamp, receivedAt),
    raw: status,
  };
}

function statusError(error: CloudError | undefined): ParsedStatus['error'] {
  if (!isObject(error)) return undefined;
  const code = typeof error.code === 'number' ? error.code : undefined;
  const message = [str(error.message) ?? str(error.title), str(error.error_data?.details)].filter(Boolean).join(': ');
  return defined({ code: code === undefined ? 'unknown' : String(code), message: message || undefined, category: categoryOfCode(code) });
}

/** Meta sends Unix seconds as a string; without a usable one, the receipt time stands in. */
function isoTime(timestamp: unknown, receivedAt: Date): string {
  const seconds = typeof timestamp === 'string' && /^\d+$/.test(timestamp) ? Number(timestamp) : typeof timestamp === 'number' ? timestamp : NaN;
  const time = new Date(seconds * 1000);
  return Number.isNaN(time.getTime()) ? receivedAt.toISOString() : time.toISOString();
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value.filter(isObject) as T[]) : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pushDefined<T>(target: T[], item: T | undefined): void {
  if (item !== undefined) target.push(item);
}
