import type { InboundMedia } from '@fluxo/node-sdk';
import type { ParsedInboundMessage } from '../channel-adapter';

/**
 * The WhatsApp content object of a `messages.upsert` → our message type and its fields
 * (channels.md §1.4 table, §6.3). One content key matters; the rest is protocol noise.
 */

export type Json = Record<string, unknown>;

export type Content = Pick<ParsedInboundMessage, 'type' | 'text' | 'media' | 'location' | 'interactive' | 'reaction'>;

export function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/** A non-empty string, else undefined: Evolution sends '' and null for "absent" alike. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function num(value: unknown): number | undefined {
  const parsed = typeof value === 'string' ? Number(value) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
}

/** Keys of `message` beside the content: device metadata, the webhook base64 copy, the S3 URL. */
const NOT_CONTENT = new Set(['messageContextInfo', 'base64', 'mediaUrl']);

type Handler = (content: Json, message: Json, messageId: string) => Content | undefined;

export function contentOf(data: Json, messageId: string): Content {
  const message = obj(data.message) ?? {};
  const messageType = str(data.messageType) ?? Object.keys(message).find((key) => !NOT_CONTENT.has(key));
  const handler = messageType ? HANDLERS.get(messageType) : undefined;
  // Unknown kinds (viewOnceMessageV2, eventMessage…) are kept as unsupported; `raw` holds them.
  return handler?.(obj(message[messageType!]) ?? {}, message, messageId) ?? { type: 'unsupported' };
}

/**
 * The quoted message: Evolution copies contextInfo to `data`, older builds keep it in the content
 * only. A poll vote names its poll instead, which tells the host which question it answers.
 */
export function replyToOf(data: Json): string | undefined {
  const fromData = str(obj(data.contextInfo)?.stanzaId);
  if (fromData) return fromData;
  const message = obj(data.message) ?? {};
  const poll = str(obj(obj(message.pollUpdateMessage)?.pollCreationMessageKey)?.id);
  return poll ?? Object.values(message).map((content) => str(obj(obj(content)?.contextInfo)?.stanzaId)).find(Boolean);
}

function text(value: unknown): Content | undefined {
  const body = str(value);
  return body === undefined ? undefined : { type: 'text', text: body };
}

function media(type: Content['type'], content: Json, messageId: string, extra: Partial<InboundMedia> = {}): Content {
  const mime = str(content.mimetype);
  const caption = str(content.caption);
  // Evolution downloads media by message id (getBase64FromMediaMessage): `url` is an encrypted blob.
  const file: InboundMedia = { providerMediaId: messageId, ...(mime ? { mime } : {}), ...extra };
  return { type, media: file, ...(caption ? { text: caption } : {}) };
}

function duration(content: Json): Partial<InboundMedia> {
  const seconds = num(content.seconds);
  return seconds === undefined ? {} : { durationSec: seconds };
}

function document(content: Json, messageId: string): Content {
  const fileName = str(content.fileName) ?? str(content.title);
  return media('document', content, messageId, fileName ? { fileName } : {});
}

function location(content: Json): Content | undefined {
  const lat = num(content.degreesLatitude);
  const lng = num(content.degreesLongitude);
  if (lat === undefined || lng === undefined) return undefined;
  const name = str(content.name);
  const address = str(content.address);
  return { type: 'location', location: { lat, lng, ...(name ? { name } : {}), ...(address ? { address } : {}) } };
}

function reaction(content: Json): Content | undefined {
  const target = str(obj(content.key)?.id);
  // An empty text means the customer removed their reaction.
  return target ? { type: 'reaction', reaction: { targetExternalMessageId: target, emoji: str(content.text) ?? null } } : undefined;
}

function reply(id: string | undefined, title: string | undefined, source: 'list' | 'reply_button' | 'template_button' | 'poll'): Content | undefined {
  if (!id) return undefined;
  return { type: 'interactive_reply', interactive: { id, ...(title ? { title } : {}), source }, ...(title ? { text: title } : {}) };
}

/** Native-flow replies carry the chosen id inside a JSON string. */
function nativeFlowReply(content: Json): Content | undefined {
  const params = str(obj(content.nativeFlowResponseMessage)?.paramsJson);
  let id: string | undefined;
  try {
    id = params ? str(obj(JSON.parse(params))?.id) : undefined;
  } catch {
    id = undefined;
  }
  return reply(id, str(obj(content.body)?.text), 'reply_button');
}

/** Evolution decrypts the vote and puts the option names in selectedOptions (§1.4). */
function pollVote(content: Json): Content | undefined {
  const selected = obj(content.vote)?.selectedOptions;
  if (!Array.isArray(selected)) return undefined;
  // An empty vote withdraws the previous one: nothing was chosen, so it must not answer a question.
  if (selected.length === 0) return { type: 'system' };
  const option = str(selected[0]);
  return reply(option, option, 'poll');
}

/** A Map, not an object literal: a messageType such as `constructor` must not find Object's. */
const HANDLERS = new Map<string, Handler>(Object.entries({
  // v2.3 flattens extendedTextMessage into `conversation`; older builds send it as is.
  conversation: (_content, message) => text(message.conversation) ?? text(obj(message.extendedTextMessage)?.text),
  extendedTextMessage: (content) => text(content.text),
  imageMessage: (content, _message, id) => media('image', content, id),
  videoMessage: (content, _message, id) => media('video', content, id, duration(content)),
  ptvMessage: (content, _message, id) => media('video', content, id, duration(content)),
  audioMessage: (content, _message, id) =>
    media(content.ptt === true ? 'voice' : 'audio', content, id, { ...duration(content), isVoiceNote: content.ptt === true }),
  documentMessage: (content, _message, id) => document(content, id),
  documentWithCaptionMessage: (content, _message, id) => document(obj(obj(content.message)?.documentMessage) ?? {}, id),
  stickerMessage: (content, _message, id) => media('sticker', content, id),
  locationMessage: location,
  liveLocationMessage: location,
  // The contract has no contact field: the vCard stays in `raw`.
  contactMessage: () => ({ type: 'contact' }),
  contactsArrayMessage: () => ({ type: 'contact' }),
  reactionMessage: reaction,
  listResponseMessage: (content) => reply(str(obj(content.singleSelectReply)?.selectedRowId), str(content.title), 'list'),
  buttonsResponseMessage: (content) => reply(str(content.selectedButtonId), str(content.selectedDisplayText), 'reply_button'),
  templateButtonReplyMessage: (content) => reply(str(content.selectedId), str(content.selectedDisplayText), 'template_button'),
  interactiveResponseMessage: nativeFlowReply,
  pollUpdateMessage: pollVote,
  // Edits and revokes: Evolution reports them as messages.update / messages.edited instead.
  protocolMessage: () => ({ type: 'system' }),
  editedMessage: () => ({ type: 'system' }),
} satisfies Record<string, Handler>));
