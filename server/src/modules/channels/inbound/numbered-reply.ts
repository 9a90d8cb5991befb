import type { ParsedInboundMessage } from '../adapters/channel-adapter';
import { matchNumberedReply } from '../lib/numbered-menu';
import type { NumberedMenu } from '../lib/numbered-menu';

/** A numbered menu as stored on the conversation: the options and until when an answer counts. */
export type StoredMenu = NumberedMenu & { expiresAt: string };

/** How long "2" still means the second option of the last numbered menu. */
export const MENU_TTL_MS = 30 * 60_000;

/**
 * On channels without buttons the bot sent numbered options; a text answering one ("2", "dois",
 * "Remarcar") reaches the flow as the option's reply, exactly as a tapped button would.
 */
export function asMenuReply(message: ParsedInboundMessage, menu: StoredMenu | null, now: Date): ParsedInboundMessage {
  if (!menu || message.type !== 'text' || !message.text || Date.parse(menu.expiresAt) < now.getTime()) return message;
  const option = matchNumberedReply(message.text, menu);
  if (!option) return message;
  return { ...message, type: 'interactive_reply', text: option.title, interactive: { id: option.id, title: option.title, source: 'numbered_text' } };
}
