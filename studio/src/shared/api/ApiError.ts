/**
 * Any failed request: the server's `{ error: { code, message, ...details } }` body, or a code of
 * our own when there is no such body (`NETWORK_ERROR` with status 0, `HTTP_<status>` otherwise).
 * `message` is the server's (English, user-safe); the studio shows its own words per `code`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** Reads an error body; `undefined` when it is not the server's error shape. */
export function apiErrorFromBody(status: number, body: unknown): ApiError | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, ...details } = error as Record<string, unknown>;
  if (typeof code !== 'string') return undefined;
  return new ApiError(status, code, typeof message === 'string' ? message : code, details);
}
