/**
 * Long text for channels with a length limit (channels.md §6.6: 4096 on WhatsApp and Telegram,
 * 1600 on Twilio). Lengths are UTF-16 code units (`String.length`): that is never less than the
 * character count a provider applies, so a part that fits here fits on every channel.
 */

/**
 * Where a cut may go, best first. Each gives the index the head ends at; the whitespace there is
 * dropped, so a part never starts or ends with the spaces of a cut.
 */
const BOUNDARIES: ReadonlyArray<{ pattern: RegExp; cutAfterMatch: boolean }> = [
  { pattern: /\n[^\S\n]*\n/g, cutAfterMatch: false }, // paragraph (a blank line)
  { pattern: /\n/g, cutAfterMatch: false }, // line
  // The closing quote or bracket stays with its sentence: "Ok." and (veja abaixo.) are whole.
  { pattern: /[.!?…]+["'”’»)\]]*(?=\s)/g, cutAfterMatch: true }, // sentence
  { pattern: /\s/g, cutAfterMatch: false }, // word
];

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Splits `text` into parts of at most `max` code units, in order, cutting at the best boundary
 * that fits (paragraph, line, sentence, word, and only then anywhere). Text that fits comes back
 * untouched; blank text gives no parts, because providers reject blank messages.
 */
export function splitText(text: string, max: number): string[] {
  // Below 2, an emoji's surrogate pair could not fit in any part.
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`splitText: max must be an integer ≥ 2, got ${max}`);
  if (text.trim() === '') return [];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = boundaryCut(rest, max) ?? hardCut(rest, max);
    const head = rest.slice(0, cut).trimEnd();
    // Only a run of whitespace longer than max, at the very start, gives a blank head.
    if (head !== '') parts.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') parts.push(rest);
  return parts;
}

/** The last cut ≤ max at the best kind of boundary, leaving a head that is not blank. */
function boundaryCut(text: string, max: number): number | undefined {
  // One more than max: a separator right after the limit still leaves a head that fits.
  const window = text.slice(0, max + 1);
  const firstContent = window.search(/\S/);
  if (firstContent < 0) return undefined;
  for (const { pattern, cutAfterMatch } of BOUNDARIES) {
    let best: number | undefined;
    for (const match of window.matchAll(pattern)) {
      const cut = cutAfterMatch ? match.index + match[0].length : match.index;
      if (cut <= max && cut > firstContent) best = cut;
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

/**
 * A cut inside a word too long for a part: at the last whole grapheme (keycaps, skin tones and
 * ZWJ emoji stay whole), or, for one grapheme longer than max, between code points.
 */
function hardCut(text: string, max: number): number {
  // A boundary depends only on what precedes it and the character at it, which may be a
  // surrogate pair: max + 2 units are enough to judge every boundary up to max.
  let cut = 0;
  for (const { index } of graphemes.segment(text.slice(0, max + 2))) {
    if (index > max) break;
    cut = index;
  }
  if (cut > 0) return cut;
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
