/**
 * Reads a number the way a Brazilian or English speaker writes it: "12", "12.5", "12,5",
 * "1.234,56", "1,234.56", "R$ 1.234,56", "-3". Returns undefined when the text is not a number.
 */
/** The common case (a counter, an age, a menu choice) skips the separator analysis below. */
const PLAIN_INTEGER = /^-?\d{1,15}$/;

export function parseNumberLoose(input: unknown): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  if (typeof input !== 'string') return undefined;
  if (PLAIN_INTEGER.test(input)) return Number(input);
  let text = input.trim().replace(/^R\$\s*/i, '').replace(/\s+/g, '');
  if (!/^[-+]?[\d.,]*\d[\d.,]*$/.test(text)) return undefined;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma > -1 && lastDot > -1) {
    // The later separator is the decimal one; the other groups thousands.
    text = lastComma > lastDot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (lastComma > -1) {
    text = isThousandsGrouping(text, ',') ? text.replace(/,/g, '') : text.replace(',', '.');
  } else if (lastDot > -1 && isThousandsGrouping(text, '.')) {
    text = text.replace(/\./g, '');
  }
  if ((text.match(/\./g) ?? []).length > 1) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** "1.234" or "1.234.567" (groups of three after a separator that appears more than once or is followed by 3 digits). */
function isThousandsGrouping(text: string, separator: ',' | '.'): boolean {
  const parts = text.replace(/^[-+]/, '').split(separator);
  if (parts.length > 2) return parts.slice(1).every((p) => p.length === 3);
  // A single separator followed by exactly three digits is ambiguous ("1.234"); Brazilians
  // read it as a thousand, and so do we for '.', while "1,234" keeps its English meaning.
  return separator === '.' && parts[1]?.length === 3 && (parts[0]?.length ?? 0) <= 3 && parts[0] !== '0';
}
