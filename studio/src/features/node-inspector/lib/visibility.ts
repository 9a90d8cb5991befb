import type { JsonObject } from '../../flow-editor/types';
import { asObject, hintsOf } from './schema';
import type { FieldSchema } from './schema';

/**
 * Whether a property shows, given its siblings' values (`x-fluxo.visibleWhen`): the sibling's
 * value, or its schema default while unset, must be one of the listed values.
 */
export function isFieldVisible(schema: FieldSchema, siblings: JsonObject, siblingSchemas: JsonObject): boolean {
  const rule = hintsOf(schema).visibleWhen;
  if (!rule || !Array.isArray(rule.in)) return true;
  const current = siblings[rule.field] ?? asObject(siblingSchemas[rule.field])?.default;
  return current !== undefined && current !== null && rule.in.some((allowed) => allowed === current);
}
