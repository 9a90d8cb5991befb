import { failureFromException, failureFromResponse, redactToken } from './telegram.errors';
import { BOT_TOKEN } from './telegram.test-support';

const noHeaders = new Headers();

describe('failureFromResponse', () => {
  it.each([
    [429, 'Too Many Requests: retry after 7', { retry_after: 7 }, { category: 'rate_limited', retriable: true, retryAfterMs: 7000 }],
    [403, 'Forbidden: bot was blocked by the user', undefined, { category: 'blocked_by_user', retriable: false }],
    [403, "Forbidden: bot can't initiate conversation with a user", undefined, { category: 'recipient_unreachable', retriable: false }],
    [403, 'Forbidden: bot was kicked from the group chat', undefined, { category: 'recipient_unreachable', retriable: false }],
    [400, 'Bad Request: chat not found', undefined, { category: 'recipient_unreachable', retriable: false }],
    [400, 'Bad Request: message is too long', undefined, { category: 'invalid_request', retriable: false }],
    [400, "Bad Request: can't parse entities", undefined, { category: 'invalid_request', retriable: false }],
    [409, 'Conflict: something', undefined, { category: 'invalid_request', retriable: false }],
    [500, 'Internal Server Error', undefined, { category: 'provider', retriable: true }],
    [502, 'Bad Gateway', undefined, { category: 'provider', retriable: true }],
  ])('%i %s', (code, description, parameters, expected) => {
    const failure = failureFromResponse('sendMessage', code, { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) }, noHeaders);
    expect(failure).toStrictEqual({ ok: false, ...expected, providerCode: String(code), message: `Telegram sendMessage failed (${code}): ${description}` });
  });

  it.each([401, 404])('%i means the token is wrong', (code) => {
    expect(failureFromResponse('sendMessage', code, { ok: false, error_code: code, description: 'Unauthorized' }, noHeaders)).toStrictEqual({
      ok: false, category: 'auth', retriable: false, providerCode: String(code),
      message: `Telegram sendMessage failed (${code}): Unauthorized: check the bot token from @BotFather (it may have been revoked)`,
    });
  });

  it('falls back to the Retry-After header when the body has no retry_after', () => {
    const failure = failureFromResponse('sendMessage', 429, undefined, new Headers({ 'retry-after': '3' }));
    expect(failure).toStrictEqual({ ok: false, category: 'rate_limited', retriable: true, retryAfterMs: 3000, providerCode: '429', message: 'Telegram sendMessage failed (429): HTTP 429' });
  });

  it('treats a non-Bot-API answer (a proxy page) by its HTTP status', () => {
    expect(failureFromResponse('sendPhoto', 503, undefined, noHeaders)).toStrictEqual({ ok: false, category: 'provider', retriable: true, providerCode: '503', message: 'Telegram sendPhoto failed (503): HTTP 503' });
    expect(failureFromResponse('sendPhoto', 200, undefined, noHeaders)).toStrictEqual({ ok: false, category: 'provider', retriable: true, providerCode: '200', message: 'Telegram sendPhoto failed (200): HTTP 200' });
  });
});

describe('failureFromException', () => {
  it('names a timeout', () => {
    expect(failureFromException('sendMessage', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 10_000)).toStrictEqual({
      ok: false, category: 'provider', retriable: true, message: 'Telegram sendMessage timed out after 10 s',
    });
  });

  it("names a network error by its cause's code", () => {
    const error = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9' } });
    expect(failureFromException('sendMessage', error, 10_000)).toStrictEqual({ ok: false, category: 'provider', retriable: true, message: 'Telegram sendMessage failed: network error (ECONNREFUSED)' });
  });
});

describe('redactToken', () => {
  it("removes the token's secret part wherever it appears", () => {
    const failure = { ok: false, message: `Failed to parse URL from http://x/bot${BOT_TOKEN}/sendMessage and again ${BOT_TOKEN}` };
    expect(redactToken(failure, BOT_TOKEN)).toStrictEqual({ ok: false, message: 'Failed to parse URL from http://x/bot7712345601:<redacted>/sendMessage and again 7712345601:<redacted>' });
  });
});
