import type { JsonObject, JsonValue } from '../../flow-editor/types';
import { asObject, propertiesOf } from './schema';
import type { FieldSchema } from './schema';

/**
 * `object` with `key` set to `value`. An emptied optional field goes away instead of being saved
 * as "" (the schema's default then applies); a required one keeps "" so the server reports it.
 */
export function withProperty(object: JsonObject, key: string, value: JsonValue | undefined, required: boolean): JsonObject {
  const { [key]: _old, ...rest } = object;
  if (value === undefined || (value === '' && !required)) return rest;
  return { ...object, [key]: value };
}

/** `items` with the one at `from` moved to `to` (a copy). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return [...items];
  const copy = [...items];
  const [moved] = copy.splice(from, 1);
  copy.splice(to, 0, moved as T);
  return copy;
}

const PORT_ID_HINT = /A-Za-z0-9_-/;
const NUMBERED = /^(.*)_(\d+)$/;

/** An item `id` that names an output port: new items need one at once so they get a port. */
export function hasPortId(itemSchema: FieldSchema): boolean {
  const id = asObject(asObject(itemSchema.properties)?.id);
  return typeof id?.pattern === 'string' && PORT_ID_HINT.test(id.pattern);
}

/**
 * A fresh id for a new list item, numbered like its siblings (`opcao_1`, `opcao_2` → `opcao_3`)
 * and never one already used in the list.
 */
export function freshItemId(existing: readonly JsonValue[], fallbackPrefix = 'opcao'): string {
  const ids = new Set(existing.map((item) => asObject(item)?.id).filter((id): id is string => typeof id === 'string'));
  const prefix = [...ids].map((id) => NUMBERED.exec(id)?.[1]).find((found): found is string => !!found) ?? fallbackPrefix;
  let n = existing.length + 1;
  while (ids.has(`${prefix}_${n}`)) n += 1;
  return `${prefix}_${n}`;
}

/** A deep copy, so that items never share a default array or object with the schema. */
const copyJson = (value: JsonValue): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;

/** The properties' schema defaults, as a new object item starts. */
function defaultsOf(schema: FieldSchema): JsonObject {
  const item: JsonObject = {};
  for (const [name, property] of propertiesOf(schema)) {
    if (property.default !== undefined) item[name] = copyJson(property.default);
  }
  return item;
}

/** What "add" appends to a list: defaults (and a fresh port id) for objects, "" for strings. */
export function newListItem(itemSchema: FieldSchema, existing: readonly JsonValue[]): JsonValue {
  if (itemSchema.default !== undefined) return copyJson(itemSchema.default);
  if (!asObject(itemSchema.properties)) return itemSchema.type === 'number' || itemSchema.type === 'integer' ? 0 : '';
  const item = defaultsOf(itemSchema);
  return hasPortId(itemSchema) ? { id: freshItemId(existing), ...item } : item;
}
