import { categoryOfCode, readGraphError, redact, retryAfterMs, sendFailure } from './whatsapp-cloud.errors';

describe('WhatsApp Cloud errors', () => {
  it.each([
    ['7', 7000],
    ['1.5', 1500],
    [' 0 ', 0],
    ['Tue, 12 May 2026 13:15:37 GMT', 30_000],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('Retry-After %p → %p ms', (header, expected) => {
    expect(retryAfterMs(header, Date.parse('2026-05-12T13:15:07.000Z'))).toBe(expected);
  });

  it('reads Graph error bodies, and whatever is there of broken ones', () => {
    expect(readGraphError({ error: { code: 131026, message: 'Message undeliverable', error_data: { details: 'x' } } })).toEqual({ code: 131026, message: 'Message undeliverable', details: 'x' });
    expect(readGraphError({ error: { code: '131047' } })).toEqual({ code: 131047, message: undefined, details: undefined });
    expect(readGraphError({ error: 'boom' })).toEqual({});
    expect(readGraphError(undefined)).toEqual({});
    expect(readGraphError('text')).toEqual({});
  });

  it('categorizes codes of failed statuses', () => {
    expect([131047, 131026, 131056, 130429, 190, 0, 10, 200, 132001, 999999, undefined].map(categoryOfCode)).toEqual([
      'outside_window', 'recipient_unreachable', 'rate_limited', 'rate_limited', 'auth', 'auth', 'auth', 'auth', 'invalid_request', 'provider', 'provider',
    ]);
  });

  it('lets the Graph code win over the HTTP status', () => {
    expect(sendFailure({ httpStatus: 500, body: { error: { code: 131026, message: 'm' } } }, [])).toMatchObject({ category: 'recipient_unreachable', retriable: false });
    expect(sendFailure({ httpStatus: 400, body: { error: { code: 131000, message: 'm' } } }, [])).toMatchObject({ category: 'provider', retriable: true });
    expect(sendFailure({ httpStatus: 404, body: undefined, bodyText: 'Not Found' }, [])).toEqual({ ok: false, category: 'provider', retriable: false, message: 'WhatsApp Cloud API HTTP 404: Not Found' });
  });

  it('redacts every secret, but not fragments too short to be one', () => {
    expect(redact('a EAAsecret b EAAsecret c', ['EAAsecret', ''])).toBe('a [redacted] b [redacted] c');
    expect(redact('abc', ['a'])).toBe('abc');
  });
});
