import type { OutboundListSection } from '@fluxo/node-sdk';

/**
 * Numbered text options, the fallback for buttons and lists a channel cannot show
 * (channels.md §6.6). The host stores the menu with the conversation and maps the next inbound
 * text back to the option's id.
 */

export type MenuLanguage = 'pt-BR' | 'en';

export type NumberedMenuOption = { n: number; id: string; title: string };

export type NumberedMenu = { options: NumberedMenuOption[] };

/** What the menu shows: the interactive message's header, body and footer, and its options. */
export type NumberedMenuContent = {
  header?: string;
  text: string;
  footer?: string;
  sections: OutboundListSection[];
};

const INSTRUCTION: Record<MenuLanguage, string> = {
  'pt-BR': 'Responda com o número da opção.',
  en: "Reply with the option's number.",
};

/**
 * The menu as one text (header, body, `1 - Title` lines, the instruction, footer) and the
 * options it numbered. Numbers run on across sections, so each is unique within the menu.
 */
export function renderNumberedMenu(content: NumberedMenuContent, language: MenuLanguage = 'pt-BR'): { text: string; menu: NumberedMenu } {
  const lines = [content.header, content.text].filter(isPresent);
  const options: NumberedMenuOption[] = [];
  for (const section of content.sections) {
    if (isPresent(section.title)) lines.push(section.title);
    for (const row of section.rows) {
      const n = options.length + 1;
      options.push({ n, id: row.id, title: row.title });
      lines.push(isPresent(row.description) ? `${n} - ${row.title} — ${row.description}` : `${n} - ${row.title}`);
    }
  }
  lines.push(INSTRUCTION[language]);
  if (isPresent(content.footer)) lines.push(content.footer);
  return { text: lines.join('\n'), menu: { options } };
}

function isPresent(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** Keycap digits (`1️⃣`, also without the variation selector) and the keycap ten `🔟`. */
const KEYCAP_DIGIT = /([0-9])\uFE0F?\u20E3/g;
const KEYCAP_TEN = /\u{1F51F}/gu;

/** A bare number, optionally followed by one `.`, `)` or `-` as people type after a list number. */
const BARE_NUMBER = /^(\d{1,3})\s*[.)-]?$/;

/** Keys are accent-free and lower-case, as `comparable` leaves them. */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['um', 1], ['uma', 1], ['dois', 2], ['duas', 2], ['tres', 3], ['quatro', 4], ['cinco', 5],
  ['seis', 6], ['sete', 7], ['oito', 8], ['nove', 9], ['dez', 10],
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5],
  ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
]);

/**
 * The option a free-text reply picks, in the order of §6.6: the option's number (digits or a
 * keycap emoji), a number word (Portuguese or English), then its title ignoring case, accents
 * and surrounding punctuation. Anything else is a normal message for the bot: undefined.
 */
export function matchNumberedReply(text: string, menu: NumberedMenu): { id: string; title: string } | undefined {
  const option = byNumber(menu, typedNumber(text))
    ?? byNumber(menu, NUMBER_WORDS.get(comparable(text)))
    ?? byTitle(menu, text);
  return option && { id: option.id, title: option.title };
}

function typedNumber(text: string): number | undefined {
  const digits = BARE_NUMBER.exec(text.replace(KEYCAP_DIGIT, '$1').replace(KEYCAP_TEN, '10').trim())?.[1];
  return digits === undefined ? undefined : Number(digits);
}

function byNumber(menu: NumberedMenu, n: number | undefined): NumberedMenuOption | undefined {
  return n === undefined ? undefined : menu.options.find((option) => option.n === n);
}

/*
 * A number out of range still falls through to the titles: options titled "10" and "20" are
 * picked by typing their title, never misread as option 10.
 */
function byTitle(menu: NumberedMenu, text: string): NumberedMenuOption | undefined {
  const key = comparable(text);
  if (key === '') return undefined;
  return menu.options.find((option) => comparable(option.title) === key);
}

/**
 * Lower-case, without accents (`ç` → `c`), single-spaced, without leading or trailing
 * punctuation and emoji (`"Cancelar!"` ≈ `✅ cancelar`). A title of only symbols (`👍`) keeps
 * them, or every such title would equal every such reply.
 */
function comparable(text: string): string {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
  const core = folded.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return core === '' ? folded : core;
}
