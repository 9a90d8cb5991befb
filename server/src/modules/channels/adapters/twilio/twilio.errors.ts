import type { SendFailureCategory, SendResult } from '../channel-adapter';

type SendFailure = Extract<SendResult, { ok: false }>;

/**
 * Twilio error codes whose meaning is the same wherever they show up: in the REST answer to a
 * send, or later in a status callback's ErrorCode (channels.md §4.6). Anything else is
 * `invalid_request` when the API refused the request (4xx) and `provider` in a callback.
 */
const CATEGORY_BY_CODE: Record<string, SendFailureCategory> = {
  '63016': 'outside_window', // free-form text outside the WhatsApp 24-hour window: needs a template
  '21211': 'recipient_unreachable', // invalid To
  '21614': 'recipient_unreachable', // To is not a mobile number
  '63003': 'recipient_unreachable', // the channel could not find the recipient
  '63024': 'recipient_unreachable', // invalid message recipient
  '30003': 'recipient_unreachable', // SMS: handset unreachable
  '30005': 'recipient_unreachable', // SMS: unknown destination
  '21610': 'blocked_by_user', // the recipient replied STOP
  '20429': 'rate_limited', // too many concurrent requests
  '63018': 'rate_limited', // the WhatsApp sender's rate or messaging limit
  '20003': 'auth', // authentication failed
};

export function categoryOfTwilioCode(code: string | undefined): SendFailureCategory | undefined {
  return code === undefined ? undefined : CATEGORY_BY_CODE[code];
}

/** The error of a failed/undelivered status callback. */
export function statusErrorOf(code: string, message: string | undefined): { code: string; message?: string; category: SendFailureCategory } {
  return { code, ...(message ? { message } : {}), category: categoryOfTwilioCode(code) ?? 'provider' };
}

type TwilioErrorBody = { code?: unknown; message?: unknown };

function providerCodeOf(body: unknown): string | undefined {
  const code = (body as TwilioErrorBody | undefined)?.code;
  return typeof code === 'number' || (typeof code === 'string' && code !== '') ? String(code) : undefined;
}

/** Retry-After is delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMsOf(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** Retriable only where trying again later can succeed: rate limits and Twilio's own failures. */
function categoryOfAnswer(status: number, code: string | undefined): { category: SendFailureCategory; retriable: boolean } {
  if (status === 429 || code === '20429') return { category: 'rate_limited', retriable: true };
  const known = categoryOfTwilioCode(code);
  if (known) return { category: known, retriable: known === 'rate_limited' };
  if (status === 401) return { category: 'auth', retriable: false };
  if (status >= 500) return { category: 'provider', retriable: true };
  return { category: 'invalid_request', retriable: false };
}

/** A non-2xx answer of the Messages API (`{code, message, more_info, status}`) as a typed failure. */
export function failureOfAnswer(status: number, body: unknown, retryAfter: string | null, now: Date): SendFailure {
  const code = providerCodeOf(body);
  const { category, retriable } = categoryOfAnswer(status, code);
  const providerMessage = (body as TwilioErrorBody | undefined)?.message;
  const detail = typeof providerMessage === 'string' && providerMessage ? providerMessage : typeof body === 'string' && body ? body.slice(0, 300) : 'no details';
  const retryAfterMs = category === 'rate_limited' ? retryAfterMsOf(retryAfter, now) : undefined;
  return {
    ok: false,
    category,
    retriable,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(code ? { providerCode: code } : {}),
    message: `Twilio answered HTTP ${status}${code ? ` (error ${code})` : ''}: ${detail}`,
  };
}

/** The request never got an answer (refused connection, DNS, reset, our timeout): Twilio may be back soon. */
export function failureOfNetwork(error: unknown, timeoutMs: number): SendFailure {
  const name = (error as { name?: unknown } | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { ok: false, category: 'provider', retriable: true, message: `Twilio did not answer within ${timeoutMs / 1000} s.` };
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const reason = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : String((error as Error | undefined)?.message ?? error);
  return { ok: false, category: 'provider', retriable: true, message: `Could not reach Twilio: ${reason}.` };
}
