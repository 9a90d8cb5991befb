/** Values that survive a round trip through Postgres JSONB: everything a node stores or outputs. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * True when `value` is plain JSON (no functions, class instances, undefined inside arrays,
 * non-finite numbers or cycles). Node outputs and wait state are checked with it because they
 * are persisted with the conversation.
 */
export function isJsonValue(value: unknown): value is JsonValue {
  return isJsonAtDepth(value, 0);
}

/**
 * Deeper than any real payload; a cycle reaches it too, which is how cycles are caught without
 * the cost of a visited set on the hot path (every node output is checked).
 */
const MAX_JSON_DEPTH = 200;

function isJsonAtDepth(value: unknown, depth: number): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (depth >= MAX_JSON_DEPTH) return false;
      if (Array.isArray(value)) {
        for (const item of value) if (!isJsonAtDepth(item, depth + 1)) return false;
        return true;
      }
      if (!isPlainObject(value)) return false;
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key];
        if (item !== undefined && !isJsonAtDepth(item, depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A deep copy of plain JSON data. */
export function cloneJson<T extends JsonValue | undefined>(value: T): T {
  return cloneValue(value) as T;
}

/** A walk rather than a JSON round trip: several times faster on the small objects of a turn. */
function cloneValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneValue);
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    // JSON drops undefined members; so does the copy, and the result stays plain JSON.
    if (item !== undefined) copy[key] = cloneValue(item);
  }
  return copy;
}
