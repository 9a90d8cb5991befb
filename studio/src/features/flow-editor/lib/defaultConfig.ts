import type { JsonObject, JsonValue } from '../types';

/**
 * The config a new node starts with: every top-level `properties.<name>.default` of the node's
 * JSON Schema, copied so that two nodes never share an array or object. A field without a default
 * stays absent (a required text is for the person to write).
 */
export function defaultConfigFromSchema(schema: JsonObject | undefined): JsonObject {
  const properties = schema?.properties;
  if (!isObject(properties)) return {};
  const config: JsonObject = {};
  for (const [name, property] of Object.entries(properties)) {
    if (isObject(property) && property.default !== undefined) config[name] = structuredCopy(property.default);
  }
  return config;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function structuredCopy(value: JsonValue): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
