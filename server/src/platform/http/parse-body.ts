import type { z } from 'zod';
import { AppError } from '../errors/app-error';

/** Validates a request body (or query) against a zod schema; a mismatch is a 400 naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message }));
  const summary = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  throw new AppError('bad_request', 'INVALID_INPUT', `The request is invalid: ${summary}`, { problems });
}

/** Route ids are uuids; anything else cannot exist, so it answers 404 like a foreign id. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseId(value: string, what: string): string {
  if (!UUID.test(value)) throw new AppError('not_found', 'NOT_FOUND', `${what} was not found.`);
  return value.toLowerCase();
}
