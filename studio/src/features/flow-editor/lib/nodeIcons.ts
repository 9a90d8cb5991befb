/**
 * Node types name lucide icons; the studio ships no icon set yet, so known names map to an emoji
 * and any other name gets a neutral block. The name stays as the element's title.
 */
const emojiByIcon: Record<string, string> = {
  'message-circle': '💬',
  webhook: '🪝',
  send: '📤',
  'help-circle': '❓',
  'git-branch': '🔀',
  split: '🔀',
  variable: '🧮',
  shuffle: '🎲',
  clock: '🕘',
  timer: '⏳',
  'corner-down-right': '↪️',
  square: '⏹️',
  reply: '↩️',
  bot: '🤖',
  user: '🙋',
  'book-open': '📚',
  globe: '🌐',
};

export const FALLBACK_ICON = '🔷';

export function iconEmoji(icon: string | undefined): string {
  return (icon && emojiByIcon[icon]) || FALLBACK_ICON;
}
