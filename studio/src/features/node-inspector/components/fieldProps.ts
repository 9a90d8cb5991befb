import type { JsonValue } from '../../flow-editor/types';
import type { FieldSchema } from '../lib/schema';

/** What a field component gets: its schema, where it is, its value and how to change it. */
export type FieldProps = {
  schema: FieldSchema;
  path: readonly (string | number)[];
  value: JsonValue | undefined;
  required: boolean;
  /** `undefined` removes the value from the config. */
  onChange(value: JsonValue | undefined): void;
};

/** The input's own attributes, from the field's frame (label target, error description). */
export type InputProps = FieldProps & { inputId: string; describedBy: string | undefined; invalid: boolean; testId: string };
