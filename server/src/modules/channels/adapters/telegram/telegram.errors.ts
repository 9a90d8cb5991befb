import type { SendFailureCategory, SendResult } from '../channel-adapter';
import type { ProviderResponse } from '../provider-http';
import type { TgResponse } from './telegram.types';

export type SendFailure = Extract<SendResult, { ok: false }>;

type Classification = { category: SendFailureCategory; retriable: boolean; hint?: string };

/**
 * Maps a Bot API error answer (channels.md §3.5) to our categories. Telegram's `error_code`
 * mirrors the HTTP status, but the HTTP status is what a proxy in between can change, so the
 * body's code wins when there is one.
 */
export function failureFromResponse(method: string, httpStatus: number, body: TgResponse | undefined, headers: ProviderResponse['headers']): SendFailure {
  const code = typeof body?.error_code === 'number' ? body.error_code : httpStatus;
  const description = typeof body?.description === 'string' ? body.description : `HTTP ${httpStatus}`;
  const { category, retriable, hint } = classify(code, description);
  const retryAfterMs = category === 'rate_limited' ? retryAfterOf(body, headers) : undefined;
  return {
    ok: false,
    category,
    retriable,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    providerCode: String(code),
    message: `Telegram ${method} failed (${code}): ${description}${hint ? `: ${hint}` : ''}`,
  };
}

function classify(code: number, description: string): Classification {
  if (code === 429) return { category: 'rate_limited', retriable: true };
  if (code === 401 || code === 404) return { category: 'auth', retriable: false, hint: 'check the bot token from @BotFather (it may have been revoked)' };
  if (code === 403) {
    if (/blocked by the user/i.test(description)) return { category: 'blocked_by_user', retriable: false };
    // "can't initiate conversation", "kicked from the group chat", "user is deactivated".
    return { category: 'recipient_unreachable', retriable: false };
  }
  if (code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(description)) return { category: 'recipient_unreachable', retriable: false };
  if (code >= 500) return { category: 'provider', retriable: true };
  if (code >= 400) return { category: 'invalid_request', retriable: false };
  // A 2xx/3xx without `ok: true`: something between us and Telegram mangled the answer.
  return { category: 'provider', retriable: true };
}

/** Telegram's own `retry_after` is the one to honour exactly; the header is the fallback. */
function retryAfterOf(body: TgResponse | undefined, headers: ProviderResponse['headers']): number | undefined {
  const fromBody = body?.parameters?.retry_after;
  if (typeof fromBody === 'number' && fromBody >= 0) return fromBody * 1000;
  const fromHeader = Number(headers.get('retry-after') ?? Number.NaN);
  return Number.isFinite(fromHeader) && fromHeader >= 0 ? fromHeader * 1000 : undefined;
}

/** fetch rejects for network failures, and with a TimeoutError when AbortSignal.timeout fires. */
export function failureFromException(method: string, error: unknown, timeoutMs: number): SendFailure {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return { ok: false, category: 'provider', retriable: true, message: `Telegram ${method} timed out after ${timeoutMs / 1000} s` };
  }
  const cause = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(error);
  return { ok: false, category: 'provider', retriable: true, message: `Telegram ${method} failed: network error (${cause})` };
}

/** The token sits in every request URL, and fetch errors can quote the URL. Its part after ':' is the secret. */
export function redactToken<T extends { message: string }>(value: T, botToken: string): T {
  const secret = botToken.slice(botToken.indexOf(':') + 1);
  return secret && value.message.includes(secret) ? { ...value, message: value.message.split(secret).join('<redacted>') } : value;
}
