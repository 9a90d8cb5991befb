import type { JsonObject, JsonValue } from '../../flow-editor/types';

/** One property's JSON Schema as the server sends it (draft 2020-12, UI hints under `x-fluxo`). */
export type FieldSchema = JsonObject;

/** The `x-fluxo` hints the node SDK writes (node-library/sdk/src/fields.ts). */
export type FieldHints = {
  placeholder?: string;
  templated?: boolean;
  multiline?: boolean;
  widget?: string;
  optionLabels?: Record<string, string>;
  visibleWhen?: { field: string; in: Array<string | number | boolean> };
};

export const asObject = (value: JsonValue | undefined): JsonObject | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;

export function hintsOf(schema: FieldSchema): FieldHints {
  return (asObject(schema['x-fluxo']) ?? {}) as FieldHints;
}

export function propertiesOf(schema: FieldSchema): Array<[string, FieldSchema]> {
  const properties = asObject(schema.properties) ?? {};
  return Object.entries(properties).flatMap(([name, value]) => {
    const property = asObject(value);
    return property ? [[name, property] as [string, FieldSchema]] : [];
  });
}

export function requiredOf(schema: FieldSchema): ReadonlySet<string> {
  const required = schema.required;
  return new Set(Array.isArray(required) ? required.filter((name): name is string => typeof name === 'string') : []);
}

export function typeOf(schema: FieldSchema): string | undefined {
  return typeof schema.type === 'string' ? schema.type : undefined;
}

export function numberKeyword(schema: FieldSchema, key: string): number | undefined {
  const value = schema[key];
  return typeof value === 'number' ? value : undefined;
}

export function titleOf(schema: FieldSchema, fallback: string): string {
  return typeof schema.title === 'string' && schema.title ? schema.title : fallback;
}

/** The dotted path the test ids and the server's problems use: `buttons.0.title`. */
export const joinPath = (path: readonly (string | number)[]): string => path.join('.');
