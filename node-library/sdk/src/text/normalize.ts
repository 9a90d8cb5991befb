export type TextCompareOptions = {
  /** Ignore upper/lower case (default true). */
  ignoreCase?: boolean;
  /** Ignore accents, so 'preco' equals 'preço' (default true). */
  ignoreAccents?: boolean;
};

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Text as customers mean it: trimmed, inner whitespace folded, and by default without case or
 * accents (Portuguese speakers often type without them on phones).
 */
export function normalizeText(value: string, options: TextCompareOptions = {}): string {
  let text = value.trim().replace(/\s+/g, ' ');
  if (options.ignoreAccents !== false) text = text.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
  if (options.ignoreCase !== false) text = text.toLocaleLowerCase('pt-BR');
  return text;
}
