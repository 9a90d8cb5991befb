import type { z } from 'zod';

/**
 * UI hints for a config field, stored as zod metadata so they travel into the JSON Schema the
 * studio renders forms from (`title`, `description`, and Fluxo's own keys under `x-fluxo`).
 */
export type FieldHints = {
  label: string;
  help?: string;
  placeholder?: string;
  /** Accepts `{{ }}` templates; the studio offers variable autocomplete. */
  templated?: boolean;
  /** Multi-line text area. */
  multiline?: boolean;
  /** Which form widget to use when the type alone does not say it. */
  widget?: 'text' | 'textarea' | 'number' | 'select' | 'toggle' | 'list' | 'keyValue' | 'code' | 'conditions' | 'schedule' | 'flow' | 'secret' | 'variable';
  /** Labels for enum options, by value. */
  optionLabels?: Record<string, string>;
  /**
   * Shows the field only when the sibling field `field`'s value (or its schema default when unset)
   * is one of `in`. A hidden field keeps its value; it is only not rendered.
   */
  visibleWhen?: { field: string; in: Array<string | number | boolean> };
};

/** Attaches UI hints to a schema; call it last, after `.min()`, `.default()` and friends. */
export function ui<T extends z.ZodType>(schema: T, hints: FieldHints): T {
  const { label, help, ...rest } = hints;
  return schema.meta({ title: label, ...(help ? { description: help } : {}), 'x-fluxo': rest }) as T;
}
