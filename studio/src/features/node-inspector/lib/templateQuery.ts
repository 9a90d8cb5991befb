/** An open `{{` before the caret: where it starts and what was typed after it. */
export type TemplateQuery = { start: number; query: string };

/**
 * The `{{ …` the caret is inside, if any: the last `{{` before the caret that no `}}` closed yet
 * and that spans one line.
 */
export function templateQueryAt(text: string, caret: number): TemplateQuery | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('{{');
  if (start < 0) return null;
  const typed = before.slice(start + 2);
  if (typed.includes('}}') || typed.includes('\n')) return null;
  return { start, query: typed.trim() };
}

/**
 * `text` with `{{ path }}` in place of the open `{{ …` (or at the caret when none is open), and
 * where the caret goes after it. A `}}` already right after the caret is absorbed.
 */
export function insertTemplate(text: string, caret: number, path: string, open: TemplateQuery | null): { text: string; caret: number } {
  const start = open ? open.start : caret;
  const after = text.slice(caret);
  const rest = open ? after.replace(/^\s*}}/, '') : after;
  const inserted = `{{ ${path} }}`;
  return { text: text.slice(0, start) + inserted + rest, caret: start + inserted.length };
}
