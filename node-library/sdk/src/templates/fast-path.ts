/**
 * Most templates in real flows are plain text with `{{ vars.name }}`-style outputs and no
 * filters. Those are rendered here by direct lookup, which is an order of magnitude faster than
 * a full Liquid render; anything else (filters, tags, special properties, non-scalar values)
 * returns undefined and goes to Liquid, so the output is always what Liquid would print.
 */

type Segment = string | { path: string[] };

const OUTPUT = /\{\{-?\s*([^{}]*?)\s*-?\}\}/g;
const SIMPLE_PATH = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\])*$/;
const LIQUID_SPECIAL = new Set(['size', 'first', 'last']);

/** Splits a template into literal text and simple paths, or returns null when it needs Liquid. */
export function compileFastPath(template: string): Segment[] | null {
  if (template.includes('{%') || template.includes('{{-') || template.includes('-}}')) return null;
  const segments: Segment[] = [];
  let last = 0;
  for (const match of template.matchAll(OUTPUT)) {
    const expression = match[1] ?? '';
    if (!SIMPLE_PATH.test(expression)) return null;
    const path = expression.replace(/\[(\d+)\]/g, '.$1').split('.');
    if (path.some((key) => LIQUID_SPECIAL.has(key))) return null;
    if (match.index > last) segments.push(template.slice(last, match.index));
    segments.push({ path });
    last = match.index + match[0].length;
  }
  const rest = template.slice(last);
  if (rest.includes('{{') || rest.includes('}}')) return null;
  if (rest) segments.push(rest);
  return segments;
}

/** Renders compiled segments, or returns undefined when a value needs Liquid's formatting. */
export function renderFastPath(segments: Segment[], scope: Record<string, unknown>): string | undefined {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'string') {
      out += segment;
      continue;
    }
    const value = lookup(scope, segment.path);
    if (value === undefined || value === null) continue;
    switch (typeof value) {
      case 'string':
        out += value;
        break;
      case 'number':
      case 'boolean':
        out += String(value);
        break;
      default:
        return undefined;
    }
  }
  return out;
}

function lookup(scope: unknown, path: string[]): unknown {
  let current: unknown = scope;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    // Own properties only, as Liquid does: `constructor` or `__proto__` never leak.
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
