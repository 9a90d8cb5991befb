import type { SendResult } from '../channel-adapter';

/**
 * Evolution's failures, turned into the host's categories (channels.md §1.8 "Errors that matter").
 * Messages are for the tenant's operator: they say what to check, quote Evolution's own words,
 * and never contain the apiKey (some Evolution builds echo request headers in errors).
 */

export type SendFailure = Extract<SendResult, { ok: false }>;

/** What a failure message may reveal about the channel: the key is masked wherever it appears. */
export type FailureContext = { baseUrl: string; instance: string; apiKey: string; timeoutMs: number };

export function httpFailure(status: number, body: unknown, retryAfter: string | null, context: FailureContext, nowMs: number): SendFailure {
  const details = providerMessages(body);
  const said = details.length ? `: ${details.map(describe).join('; ')}` : '';
  const failure = classify(status, details, context, said);
  const retryAfterMs = status === 429 ? parseRetryAfter(retryAfter, nowMs) : undefined;
  return {
    ok: false,
    ...failure,
    providerCode: String(status),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    message: redact(failure.message, context.apiKey),
  };
}

type Classified = Pick<SendFailure, 'category' | 'retriable' | 'message'>;

function classify(status: number, details: unknown[], context: FailureContext, said: string): Classified {
  const fail = (category: SendFailure['category'], retriable: boolean, message: string): Classified => ({ category, retriable, message });
  if (status === 400 && details.some(isUnknownNumber)) {
    // Retrying cannot help: the number has no WhatsApp account (or its LID and phone disagree).
    return fail('recipient_unreachable', false, `Evolution says the recipient is not on WhatsApp (400)${said}`);
  }
  if (status === 400 && details.some((detail) => typeof detail === 'string' && detail.includes('SessionError'))) {
    // An encryption/group session that Baileys has not established yet: it usually heals itself.
    return fail('provider', true, `Evolution has no WhatsApp session for this chat yet (400)${said}; retry later`);
  }
  if (status === 401 || status === 403) {
    return fail('auth', false, `Evolution rejected the apikey (${status})${said}: check the channel's apiKey (the instance token or the server's global key)`);
  }
  if (status === 404) {
    return fail('auth', false, `Evolution does not know the instance "${context.instance}" (404)${said}: check the instance name and baseUrl`);
  }
  if (status === 429) return fail('rate_limited', true, `Evolution is rate limiting (429)${said}`);
  if (status >= 500) {
    return fail('provider', true, `Evolution failed (${status})${said}: the instance may not be connected; check its connection state`);
  }
  return fail('invalid_request', false, `Evolution refused the request (${status})${said}`);
}

/** fetch threw: nothing answered, or not in time. Both are worth retrying. */
export function networkFailure(error: unknown, context: FailureContext): SendFailure {
  // Duck-typed: the DOMException of AbortSignal.timeout is not always an `instanceof Error` (other realm).
  const name = (error as { name?: unknown } | null)?.name;
  const timedOut = name === 'TimeoutError' || name === 'AbortError';
  const where = safeUrl(context.baseUrl);
  const message = timedOut
    ? `Evolution at ${where} did not answer within ${context.timeoutMs / 1000} s: the instance may not be connected, or the server is overloaded`
    : `could not reach Evolution at ${where} (${networkCode(error)}): check baseUrl and that the server is up; the instance may not be connected`;
  return { ok: false, category: 'provider', retriable: true, providerCode: timedOut ? 'timeout' : 'network', message: redact(message, context.apiKey) };
}

/** Evolution's error body is `{status, error, response: {message: [...]}}`; older builds vary. */
export function providerMessages(body: unknown): unknown[] {
  if (typeof body === 'string') return body.trim() ? [body.trim().slice(0, 300)] : [];
  if (!body || typeof body !== 'object') return [];
  const record = body as Record<string, unknown>;
  const response = record.response as Record<string, unknown> | undefined;
  const message = response && typeof response === 'object' ? response.message : record.message ?? record.error;
  if (message === undefined || message === null) return [];
  return Array.isArray(message) ? message : [message];
}

function isUnknownNumber(detail: unknown): boolean {
  return !!detail && typeof detail === 'object' && (detail as Record<string, unknown>).exists === false;
}

function describe(detail: unknown): string {
  const text = typeof detail === 'string' ? detail : JSON.stringify(detail);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** Retry-After is delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** undici's "fetch failed" hides the reason in `cause.code` (ECONNREFUSED, ENOTFOUND…). */
function networkCode(error: unknown): string {
  const { cause, message } = (error ?? {}) as { cause?: { code?: unknown }; message?: unknown };
  if (typeof cause?.code === 'string') return cause.code;
  return typeof message === 'string' ? message : String(error);
}

/** The server URL without any user:password part, for messages. */
function safeUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '(invalid baseUrl)';
  }
}

export function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('***') : text;
}
