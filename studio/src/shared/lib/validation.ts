import type { MessageKey } from '../i18n';

/** A field's problem: a catalog key and its values, so the message follows the language. */
export type FieldError = { key: MessageKey; params?: Record<string, number> };

/** The same rules as the server's schemas (auth.dto.ts, flows.dto.ts), checked before sending. */
export const LIMITS = { passwordMin: 8, passwordMax: 200, nameMax: 120, emailMax: 254, flowNameMax: 120 } as const;

// Deliberately loose: the server has the final word; this only catches typos such as a missing "@".
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function required(value: string): FieldError | undefined {
  return value.trim() ? undefined : { key: 'validation.required' };
}

export function email(value: string): FieldError | undefined {
  return required(value) ?? (EMAIL.test(value.trim()) ? undefined : { key: 'validation.email' }) ?? maxLength(value, LIMITS.emailMax);
}

export function minLength(value: string, min: number): FieldError | undefined {
  return value.length >= min ? undefined : { key: 'validation.minLength', params: { min } };
}

export function maxLength(value: string, max: number): FieldError | undefined {
  return value.trim().length <= max ? undefined : { key: 'validation.maxLength', params: { max } };
}

/** The first problem of each field, or an empty object when the form is fine. */
export function collectErrors<F extends string>(checks: Record<F, FieldError | undefined>): Partial<Record<F, FieldError>> {
  const errors: Partial<Record<F, FieldError>> = {};
  for (const field of Object.keys(checks) as F[]) {
    const error = checks[field];
    if (error) errors[field] = error;
  }
  return errors;
}
