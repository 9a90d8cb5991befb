import type { MessageKey } from '../../../shared/i18n';
import type { JsonValue } from '../../flow-editor/types';
import { numberKeyword, typeOf } from './schema';
import type { FieldSchema } from './schema';

export type FieldError = { key: MessageKey; params?: Record<string, string | number> };

const isEmpty = (value: JsonValue | undefined) => value === undefined || value === null || value === '';

function stringError(schema: FieldSchema, value: string): FieldError | null {
  const minLength = numberKeyword(schema, 'minLength');
  const maxLength = numberKeyword(schema, 'maxLength');
  const length = [...value].length;
  if (minLength !== undefined && length < minLength) return { key: 'inspector.error.minLength', params: { min: minLength } };
  if (maxLength !== undefined && length > maxLength) return { key: 'inspector.error.maxLength', params: { max: maxLength } };
  if (typeof schema.pattern === 'string' && !safeTest(schema.pattern, value)) return { key: 'inspector.error.pattern' };
  return null;
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}

function numberError(schema: FieldSchema, value: number): FieldError | null {
  if (typeOf(schema) === 'integer' && !Number.isInteger(value)) return { key: 'inspector.error.integer' };
  const minimum = numberKeyword(schema, 'minimum');
  const maximum = numberKeyword(schema, 'maximum');
  const above = numberKeyword(schema, 'exclusiveMinimum');
  const below = numberKeyword(schema, 'exclusiveMaximum');
  if (minimum !== undefined && value < minimum) return { key: 'inspector.error.minimum', params: { min: minimum } };
  if (above !== undefined && value <= above) return { key: 'inspector.error.exclusiveMinimum', params: { min: above } };
  if (maximum !== undefined && value > maximum) return { key: 'inspector.error.maximum', params: { max: maximum } };
  if (below !== undefined && value >= below) return { key: 'inspector.error.exclusiveMaximum', params: { max: below } };
  return null;
}

function arrayError(schema: FieldSchema, value: readonly JsonValue[]): FieldError | null {
  const minItems = numberKeyword(schema, 'minItems');
  const maxItems = numberKeyword(schema, 'maxItems');
  if (minItems !== undefined && value.length < minItems) return { key: 'inspector.error.minItems', params: { min: minItems } };
  if (maxItems !== undefined && value.length > maxItems) return { key: 'inspector.error.maxItems', params: { max: maxItems } };
  return null;
}

/**
 * The first rule of the field's own schema that `value` breaks, or null. Only this field: nested
 * items are checked by their own fields. The form still saves invalid values (a draft may be
 * half-built); this only tells the person.
 */
export function validateField(schema: FieldSchema, value: JsonValue | undefined, required: boolean): FieldError | null {
  if (isEmpty(value)) return required ? { key: 'inspector.error.required' } : null;
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => option === value)) return { key: 'inspector.error.enum' };
  if (typeof value === 'string') return stringError(schema, value);
  if (typeof value === 'number') return numberError(schema, value);
  if (Array.isArray(value)) return arrayError(schema, value);
  return null;
}
