/**
 * Plural forms in catalog messages, a subset of ICU MessageFormat:
 * `{count, plural, =0 {no problems} one {# problem} other {# problems}}`. `=N` matches one number,
 * the other forms come from `Intl.PluralRules` for the language (in pt-BR 0 and 1 are both "one",
 * so "=0" is how a message says "nenhum"). `#` is the number; `{name}` placeholders inside a form are
 * filled afterwards like anywhere else.
 */
const PLURAL_START = /\{(\w+), plural,/g;

export function applyPlurals(template: string, params: Record<string, string | number>, language: string): string {
  if (!template.includes(', plural,')) return template;
  let result = '';
  let cursor = 0;
  PLURAL_START.lastIndex = 0;
  for (let match = PLURAL_START.exec(template); match; match = PLURAL_START.exec(template)) {
    const end = closingBrace(template, match.index);
    if (end < 0) break;
    const name = match[1]!;
    const forms = parseForms(template.slice(match.index + match[0].length, end));
    result += template.slice(cursor, match.index) + choose(forms, params[name], language, match[0] + '…}');
    cursor = end + 1;
    PLURAL_START.lastIndex = cursor;
  }
  return result + template.slice(cursor);
}

function choose(forms: Map<string, string>, value: string | number | undefined, language: string, unfilled: string): string {
  const count = typeof value === 'number' ? value : Number(value);
  // Without a number the gap stays visible, like a placeholder without a value.
  if (value === undefined || !Number.isFinite(count)) return unfilled;
  const form = forms.get(`=${count}`) ?? forms.get(new Intl.PluralRules(language).select(count)) ?? forms.get('other') ?? '';
  return form.replace(/#/g, new Intl.NumberFormat(language).format(count));
}

/** `one {…} other {…}` → form name → text; a form's text may hold `{name}` placeholders. */
function parseForms(body: string): Map<string, string> {
  const forms = new Map<string, string>();
  const selector = /\s*(=\d+|\w+)\s*\{/g;
  for (let match = selector.exec(body); match; match = selector.exec(body)) {
    const open = match.index + match[0].length - 1;
    const close = closingBrace(body, open);
    if (close < 0) break;
    forms.set(match[1]!, body.slice(open + 1, close));
    selector.lastIndex = close + 1;
  }
  return forms;
}

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === '{') depth += 1;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  return -1;
}
