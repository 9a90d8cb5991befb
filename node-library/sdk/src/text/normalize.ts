export type TextCompareOptions = {
  /** Ignore upper/lower case (default true). */
  ignoreCase?: boolean;
  /** Ignore accents, so 'preco' equals 'preço' (default true). */
  ignoreAccents?: boolean;
};

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Text as customers mean it: trimmed, inner whitespace folded, and by default without case or
 * accents (Portuguese speakers often type without them on phones).
 */
export function normalizeText(value: string, options: TextCompareOptions = {}): string {
  // The default comparison runs on every condition and switch case; their constant sides repeat.
  const cacheable = options.ignoreAccents !== false && options.ignoreCase !== false && value.length <= MAX_CACHED_LENGTH;
  if (cacheable) {
    const hit = normalized.get(value);
    if (hit !== undefined) return hit;
  }
  const result = normalizeUncached(value, options);
  if (cacheable) {
    if (normalized.size >= MAX_CACHED) normalized.clear();
    normalized.set(value, result);
  }
  return result;
}

const MAX_CACHED = 5_000;
const MAX_CACHED_LENGTH = 200;
const normalized = new Map<string, string>();

function normalizeUncached(value: string, options: TextCompareOptions): string {
  let text = value.trim().replace(/\s+/g, ' ');
  // Most messages are plain ASCII: no accent to strip, and normalize() is the costly part.
  if (options.ignoreAccents !== false && !ASCII_ONLY.test(text)) text = text.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
  // pt-BR has no special case mappings (unlike Turkish), so plain lower-casing is the same and faster.
  if (options.ignoreCase !== false) text = text.toLowerCase();
  return text;
}
