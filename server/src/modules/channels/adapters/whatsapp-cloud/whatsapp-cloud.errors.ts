import type { SendFailureCategory, SendResult } from '../channel-adapter';

type SendFailure = Extract<SendResult, { ok: false }>;
type Classification = { category: SendFailureCategory; retriable: boolean; hint?: string };

/**
 * Graph error codes that decide what happens next (channels.md §2.9, §2.10). The code wins over
 * the HTTP status: Meta answers most errors with a plain 400.
 */
const BY_CODE = new Map<number, Classification>([
  [130429, { category: 'rate_limited', retriable: true, hint: 'throughput limit of the business number reached: back off and retry' }],
  [131056, { category: 'rate_limited', retriable: true, hint: 'too many messages to this user in a short time: wait at least 6 s and retry' }],
  // Not in the doc's table but real Graph throttling codes (app call limit, WABA rate limit): retrying later works.
  [4, { category: 'rate_limited', retriable: true, hint: 'application request limit reached: back off and retry' }],
  [80007, { category: 'rate_limited', retriable: true, hint: 'WhatsApp Business Account rate limit reached: back off and retry' }],
  [131026, { category: 'recipient_unreachable', retriable: false, hint: 'the recipient cannot receive it (no WhatsApp, an old app, or they blocked the business): do not retry' }],
  [131047, { category: 'outside_window', retriable: false, hint: 'more than 24 h since the customer last wrote: send an approved template instead' }],
  [131008, { category: 'invalid_request', retriable: false, hint: 'a required parameter is missing' }],
  [131009, { category: 'invalid_request', retriable: false, hint: 'a parameter value is invalid' }],
  [100, { category: 'invalid_request', retriable: false, hint: 'a parameter is missing or invalid' }],
  [132000, { category: 'invalid_request', retriable: false, hint: "the number of template variables does not match the template's: fix the template mapping" }],
  [132001, { category: 'invalid_request', retriable: false, hint: 'the template does not exist in that language or is not approved yet: check its name and language in WhatsApp Manager' }],
  [132012, { category: 'invalid_request', retriable: false, hint: "a template variable has the wrong format: fix the template mapping" }],
  [190, { category: 'auth', retriable: false, hint: "the access token is invalid or expired: update the channel's access token" }],
  [0, { category: 'auth', retriable: false, hint: "authentication failed: update the channel's access token" }],
  [10, { category: 'auth', retriable: false, hint: 'the access token lacks a permission: grant whatsapp_business_messaging to the System User' }],
  [200, { category: 'auth', retriable: false, hint: 'the access token lacks a permission: grant whatsapp_business_messaging to the System User' }],
  [131030, { category: 'provider', retriable: false, hint: 'the recipient is not in the allowed list of this test number: add it in WhatsApp Manager → API setup' }],
  [131000, { category: 'provider', retriable: true, hint: 'a temporary WhatsApp error: retry with backoff' }],
  [1, { category: 'provider', retriable: true, hint: 'a temporary WhatsApp error: retry with backoff' }],
  [2, { category: 'provider', retriable: true, hint: 'WhatsApp is temporarily unavailable: retry with backoff' }],
]);

/** The category of a Graph error code, as in a `failed` status; unknown codes are the provider's problem. */
export function categoryOfCode(code: number | undefined): SendFailureCategory {
  return (code === undefined ? undefined : BY_CODE.get(code)?.category) ?? 'provider';
}

function classify(httpStatus: number, code: number | undefined): Classification {
  const known = code === undefined ? undefined : BY_CODE.get(code);
  if (known) return known;
  if (httpStatus === 429) return { category: 'rate_limited', retriable: true, hint: 'rate limited: back off and retry' };
  if (httpStatus === 401) return { category: 'auth', retriable: false, hint: "update the channel's access token" };
  if (httpStatus >= 500) return { category: 'provider', retriable: true, hint: 'WhatsApp answered with a server error: retry with backoff' };
  return { category: 'provider', retriable: false };
}

export type GraphError = { code?: number; message?: string; details?: string };

/** Reads `{error:{code, message, error_data:{details}}}`; anything else yields what it can. */
export function readGraphError(body: unknown): GraphError {
  const error = (body as { error?: unknown } | null)?.error;
  if (!error || typeof error !== 'object') return {};
  const { code, message, error_data: data } = error as { code?: unknown; message?: unknown; error_data?: { details?: unknown } };
  return {
    code: typeof code === 'number' ? code : typeof code === 'string' && /^\d+$/.test(code) ? Number(code) : undefined,
    message: typeof message === 'string' ? message : undefined,
    details: typeof data?.details === 'string' ? data.details : undefined,
  };
}

/** Retry-After in seconds (what Graph sends) or as an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header?.trim()) return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header.trim()) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export type FailedResponse = { httpStatus: number; body: unknown; retryAfter?: string | null; bodyText?: string };

/** A non-2xx answer of the messages endpoint → a typed failure; `secrets` are scrubbed from the message. */
export function sendFailure(response: FailedResponse, secrets: string[]): SendFailure {
  const error = readGraphError(response.body);
  const { category, retriable, hint } = classify(response.httpStatus, error.code);
  const said = ([error.message, error.details].filter(Boolean).join(': ') || redact(response.bodyText ?? '', secrets).slice(0, 200)).replace(/[\s.]+$/, '') || 'no error message';
  const label = error.code === undefined ? `HTTP ${response.httpStatus}` : `error ${error.code} (HTTP ${response.httpStatus})`;
  const failure: SendFailure = {
    ok: false,
    category,
    retriable,
    message: redact(`WhatsApp Cloud API ${label}: ${said}${hint ? `. ${capitalize(hint)}` : ''}`, secrets),
  };
  if (error.code !== undefined) failure.providerCode = String(error.code);
  if (category === 'rate_limited') failure.retryAfterMs = retryAfterMs(response.retryAfter);
  return failure;
}

/**
 * The request never got an answer (refused, DNS, reset, timeout), so a retry may work. After a
 * timeout Meta may still have sent it, and the Graph API takes no idempotency key: delivery is
 * at-least-once there. Duck-typed: fetch's errors come from Node's own realm, where `instanceof
 * Error` can fail (in jest's sandbox, for one).
 */
export function networkFailure(error: unknown, timeoutMs: number): SendFailure {
  const { name, message, cause } = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as { name?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const timedOut = name === 'TimeoutError' || name === 'AbortError';
  const reason = [cause?.code, cause?.message, message].find((part): part is string => typeof part === 'string' && part !== '') ?? 'unknown error';
  return {
    ok: false,
    category: 'provider',
    retriable: true,
    message: timedOut ? `WhatsApp Cloud API did not answer within ${timeoutMs / 1000} s: retry later` : `WhatsApp Cloud API could not be reached (${reason}): check the API base URL and the network, then retry`,
  };
}

export function redact(text: string, secrets: string[]): string {
  return secrets.filter((secret) => secret.length >= 4).reduce((result, secret) => result.split(secret).join('[redacted]'), text);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
