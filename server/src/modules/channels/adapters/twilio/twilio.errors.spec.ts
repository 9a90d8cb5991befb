import { categoryOfTwilioCode, failureOfAnswer, retryAfterMsOf, statusErrorOf } from './twilio.errors';

const NOW = new Date('2026-05-12T13:15:22.000Z');

describe('categoryOfTwilioCode', () => {
  it.each([
    ['63016', 'outside_window'],
    ['21211', 'recipient_unreachable'],
    ['21614', 'recipient_unreachable'],
    ['63003', 'recipient_unreachable'],
    ['21610', 'blocked_by_user'],
    ['20429', 'rate_limited'],
    ['20003', 'auth'],
    ['99999', undefined],
    [undefined, undefined],
  ])('%s → %s', (code, category) => {
    expect(categoryOfTwilioCode(code)).toBe(category);
  });
});

describe('statusErrorOf', () => {
  it('falls back to provider for codes without a meaning of their own', () => {
    expect(statusErrorOf('30008', undefined)).toEqual({ code: '30008', category: 'provider' });
    expect(statusErrorOf('63016', 'outside window')).toEqual({ code: '63016', message: 'outside window', category: 'outside_window' });
  });
});

describe('retryAfterMsOf', () => {
  it.each([
    ['7', 7000],
    ['0.5', 500],
    [' 3 ', 3000],
    ['Tue, 12 May 2026 13:15:52 GMT', 30_000],
    ['Tue, 12 May 2026 13:00:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
    ['', undefined],
  ])('%p → %p', (header, ms) => {
    expect(retryAfterMsOf(header, NOW)).toBe(ms);
  });
});

describe('failureOfAnswer', () => {
  it('takes the code from a string code too, and ignores Retry-After on permanent failures', () => {
    expect(failureOfAnswer(400, { code: '21610', message: 'unsubscribed' }, '5', NOW)).toEqual({
      ok: false,
      category: 'blocked_by_user',
      retriable: false,
      providerCode: '21610',
      message: 'Twilio answered HTTP 400 (error 21610): unsubscribed',
    });
  });

  it('treats a 401 without a body as auth', () => {
    expect(failureOfAnswer(401, '', null, NOW)).toEqual({ ok: false, category: 'auth', retriable: false, message: 'Twilio answered HTTP 401: no details' });
  });

  it('keeps long non-JSON bodies short', () => {
    const failure = failureOfAnswer(502, '<html>' + 'x'.repeat(1000), null, NOW);
    expect(failure.message).toHaveLength('Twilio answered HTTP 502: '.length + 300);
    expect(failure).toMatchObject({ category: 'provider', retriable: true });
  });
});
