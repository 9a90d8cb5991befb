import type { JsonObject } from '@fluxo/node-sdk';

/** Names whose value differs between two turns' variables (added, changed or removed). */
export function changedVarNames(before: JsonObject | null, after: JsonObject): Set<string> {
  const names = new Set<string>();
  const previous = before ?? {};
  for (const name of new Set([...Object.keys(previous), ...Object.keys(after)])) {
    if (JSON.stringify(previous[name]) !== JSON.stringify(after[name])) names.add(name);
  }
  return names;
}

/** A variable's value as one line: strings as they are, the rest as JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
