import { asObject, hintsOf, typeOf } from './schema';
import type { FieldSchema } from './schema';

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'code'
  | 'number'
  | 'select'
  | 'toggle'
  | 'list'
  | 'stringList'
  | 'keyValue'
  | 'object'
  | 'conditions'
  | 'schedule'
  | 'variable'
  | 'secret'
  | 'flow'
  | 'json';

const isObjectSchema = (schema: FieldSchema | undefined) => !!schema && (typeOf(schema) === 'object' || !!asObject(schema.properties));

function arrayKind(schema: FieldSchema, widget: string | undefined): FieldKind {
  const items = asObject(schema.items);
  if (items && isObjectSchema(items) && asObject(items.properties)) return widget === 'schedule' ? 'schedule' : 'list';
  if (items && (typeOf(items) === 'string' || typeOf(items) === 'number' || typeOf(items) === 'integer')) return 'stringList';
  return 'json';
}

function objectKind(schema: FieldSchema, widget: string | undefined): FieldKind {
  if (widget === 'keyValue' || (!asObject(schema.properties) && asObject(schema.additionalProperties))) return 'keyValue';
  if (asObject(schema.properties)) return widget === 'conditions' ? 'conditions' : 'object';
  return 'json';
}

const STRING_WIDGETS: Record<string, FieldKind> = {
  textarea: 'textarea',
  code: 'code',
  number: 'number',
  variable: 'variable',
  secret: 'secret',
  flow: 'flow',
  text: 'text',
};

/**
 * Which field component renders a schema property. The type decides first (an array is a list
 * whatever its widget says), the `x-fluxo` widget refines it; a shape no component knows becomes
 * a JSON text area rather than a crash.
 */
export function fieldKindOf(schema: FieldSchema): FieldKind {
  const { widget, multiline } = hintsOf(schema);
  const type = typeOf(schema);
  if (Array.isArray(schema.enum)) return 'select';
  if (type === 'boolean' || widget === 'toggle') return type === 'boolean' || type === undefined ? 'toggle' : 'json';
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'array') return arrayKind(schema, widget);
  if (type === 'object' || isObjectSchema(schema)) return objectKind(schema, widget);
  if (type === 'string') {
    if (widget && STRING_WIDGETS[widget]) return STRING_WIDGETS[widget]!;
    return multiline ? 'textarea' : 'text';
  }
  return 'json';
}
