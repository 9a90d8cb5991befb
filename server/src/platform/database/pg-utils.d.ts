/** node-postgres's own parameter encoding, which @types/pg does not declare. */
declare module 'pg/lib/utils' {
  /** The text node-postgres sends for a parameter value (arrays as Postgres array literals, dates with their offset, objects as JSON), or a Buffer. */
  export function prepareValue(value: unknown): unknown;
}
