import type { InboundMessage, InboundMessageType, JsonObject, MediaPort } from '@fluxo/node-sdk';

/** What a "file" question accepts: photos, documents, videos, audio and voice notes (not stickers). */
const FILE_TYPES: ReadonlySet<InboundMessageType> = new Set(['image', 'document', 'video', 'audio', 'voice']);

export function isFileMessage(message: InboundMessage): boolean {
  return FILE_TYPES.has(message.type) && message.media !== undefined;
}

/**
 * The file a customer sent, as the value a flow stores: a download link and what is known of the
 * file. Channels that deliver a URL give it as is; the others (WhatsApp, Telegram) send an id the
 * host's media port turns into a link. The caption, if any, goes along.
 */
export async function fileAnswer(message: InboundMessage, media: MediaPort): Promise<JsonObject> {
  const inbound = message.media!;
  const resolved = inbound.url && !inbound.providerMediaId ? { url: inbound.url } : await media.resolve(inbound);
  const value: JsonObject = { type: message.type, url: resolved.url };
  const mime = resolved.mime ?? inbound.mime;
  const fileName = resolved.fileName ?? inbound.fileName;
  const sizeBytes = resolved.sizeBytes ?? inbound.sizeBytes;
  if (mime) value.mime = mime;
  if (fileName) value.fileName = fileName;
  if (sizeBytes !== undefined) value.sizeBytes = sizeBytes;
  if ('expiresAt' in resolved && resolved.expiresAt) value.expiresAt = resolved.expiresAt;
  if (message.text) value.caption = message.text;
  return value;
}
