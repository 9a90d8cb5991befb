import { normalizeText } from '@fluxo/node-sdk';
import type { InboundMessage } from '@fluxo/node-sdk';
import { messageText, stripEdgePunctuation } from './message-text';

export type ChoiceOption = { id: string; title: string };

/** How a reply was recognised, for traces and tests. */
export type ChoiceMatchedBy = 'id' | 'number' | 'word' | 'title';

export type ChoiceMatch = ChoiceOption & { by: ChoiceMatchedBy };

/** Number words a Portuguese speaker types instead of digits, accents already stripped. */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  um: 1, uma: 1, dois: 2, duas: 2, tres: 3, quatro: 4, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9, dez: 10,
};

/** "1", "1.", "1)", "1 )" */
const BARE_NUMBER = /^(\d{1,3})\s*[.)]?$/;
/** Keycap emoji: a digit, an optional variation selector, the combining keycap. */
const KEYCAP_DIGIT = /^(\d)\uFE0F?\u20E3$/u;
const KEYCAP_TEN = '\u{1F51F}';

/**
 * Which option a reply picks. Checked in the order channels use for numbered-text menus
 * (docs/channels.md §6.6) so that a channel that renders buttons as "1 - Sim" and this node
 * agree on what "1" means:
 *   1. the option id a button or list reply carries;
 *   2. its position: "1", "1.", "1)", "1️⃣";
 *   3. its position as a Portuguese word: "um", "duas", "três";
 *   4. its title, ignoring case, accents and surrounding punctuation.
 */
export function matchChoice(message: InboundMessage | undefined, options: readonly ChoiceOption[]): ChoiceMatch | undefined {
  const replyId = message?.interactive?.id;
  const byId = replyId === undefined ? undefined : options.find((option) => option.id === replyId);
  if (byId) return { ...byId, by: 'id' };

  const text = messageText(message);
  if (text === undefined) return undefined;
  const normalized = stripEdgePunctuation(normalizeText(text));

  const position = optionNumber(text.trim());
  const byNumber = position === undefined ? undefined : options[position - 1];
  if (byNumber) return { ...byNumber, by: 'number' };

  const wordPosition = NUMBER_WORDS[normalized];
  const byWord = wordPosition === undefined ? undefined : options[wordPosition - 1];
  if (byWord) return { ...byWord, by: 'word' };

  const byTitle = options.find((option) => stripEdgePunctuation(normalizeText(option.title)) === normalized);
  return byTitle ? { ...byTitle, by: 'title' } : undefined;
}

/** The option number a reply names with digits, or undefined. */
function optionNumber(text: string): number | undefined {
  if (text === KEYCAP_TEN) return 10;
  const digits = BARE_NUMBER.exec(text)?.[1] ?? KEYCAP_DIGIT.exec(text)?.[1];
  return digits === undefined ? undefined : Number(digits);
}
