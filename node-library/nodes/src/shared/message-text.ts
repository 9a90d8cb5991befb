import type { InboundMessage, InboundMessageType } from '@fluxo/node-sdk';

/**
 * Messages whose text the customer typed or chose. A media caption is text too, but a photo
 * with "oi" under it is not someone saying "oi" to the bot, so media never counts as an answer.
 */
const TEXTUAL_TYPES: ReadonlySet<InboundMessageType> = new Set(['text', 'interactive_reply', 'button']);

/** The text a customer wrote or picked, or undefined for media, stickers, locations and the like. */
export function messageText(message: InboundMessage | undefined): string | undefined {
  if (!message || !TEXTUAL_TYPES.has(message.type)) return undefined;
  return message.text ?? message.interactive?.title;
}

/** Whatever text a message carries (a caption included), for outputs; '' when it has none. */
export function anyMessageText(message: InboundMessage | undefined): string {
  return message?.text ?? message?.interactive?.title ?? '';
}

const EDGE_PUNCTUATION = /^[\s\p{P}]+|[\s\p{P}]+$/gu;

/**
 * Drops punctuation around a reply, so "Sim!" answers "Sim" and "oi." starts the "oi" flow.
 * A value that is nothing but punctuation ("?") is kept as it is, or it would match anything.
 */
export function stripEdgePunctuation(text: string): string {
  return text.replace(EDGE_PUNCTUATION, '') || text;
}
