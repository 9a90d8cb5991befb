import type { OutboundMessage } from '@fluxo/node-sdk';
import type { ConversationMessage } from '../types';

/** What a transcript line shows: a bot message drawn like the channel, or the customer's text. */
export type TranscriptLine =
  | { id: string; from: 'bot'; message: OutboundMessage; at: string }
  | { id: string; from: 'user'; text: string | null; type: string; at: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Stored messages as transcript lines. Outbound content is the OutboundMessage; inbound content is
 * `{kind: 'message', message: {type, text}}`. Typing indicators are not lines.
 */
export function toTranscript(messages: readonly ConversationMessage[]): TranscriptLine[] {
  const lines: TranscriptLine[] = [];
  for (const message of messages) {
    if (message.direction === 'out') {
      if (isObject(message.content) && typeof message.content.kind === 'string' && message.content.kind !== 'typing') {
        lines.push({ id: message.id, from: 'bot', message: message.content as OutboundMessage, at: message.createdAt });
      }
      continue;
    }
    const inbound = isObject(message.content) && isObject(message.content.message) ? message.content.message : null;
    const text = inbound && typeof inbound.text === 'string' ? inbound.text : null;
    lines.push({ id: message.id, from: 'user', text, type: message.type, at: message.createdAt });
  }
  return lines;
}
