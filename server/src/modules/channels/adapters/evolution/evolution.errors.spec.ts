import { httpFailure, networkFailure, parseRetryAfter, providerMessages, redact } from './evolution.errors';

const context = { baseUrl: 'https://user:pass@evo.example.com', instance: 'clinica-sorriso', apiKey: 'secret-key', timeoutMs: 10_000 };
const NOW = Date.parse('2026-05-12T14:00:00.000Z');

describe('httpFailure', () => {
  it.each([
    [403, ['Forbidden'], { category: 'auth', retriable: false }],
    [413, 'Payload Too Large', { category: 'invalid_request', retriable: false }],
    [422, { message: 'bad' }, { category: 'invalid_request', retriable: false }],
    [502, '', { category: 'provider', retriable: true }],
    [503, undefined, { category: 'provider', retriable: true }],
  ])('classifies %i', (status, body, expected) => {
    expect(httpFailure(status, body, null, context, NOW)).toMatchObject({ ok: false, providerCode: String(status), ...expected });
  });

  it('recognises exists:false given as a single object (older builds)', () => {
    const body = { status: 400, error: 'Bad Request', response: { message: { jid: '5511999990009@s.whatsapp.net', exists: false, number: '5511999990009' } } };
    expect(httpFailure(400, body, null, context, NOW)).toMatchObject({ category: 'recipient_unreachable', retriable: false });
  });

  it('reads an HTTP-date Retry-After', () => {
    expect(httpFailure(429, undefined, 'Tue, 12 May 2026 14:00:30 GMT', context, NOW)).toMatchObject({ category: 'rate_limited', retriable: true, retryAfterMs: 30_000 });
  });

  it('cuts long provider texts', () => {
    const failure = httpFailure(400, { response: { message: ['x'.repeat(1000)] } }, null, context, NOW);
    expect(failure.message).toBe(`Evolution refused the request (400): ${'x'.repeat(300)}…`);
  });
});

describe('networkFailure', () => {
  it('never shows credentials of the baseUrl', () => {
    const error = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    expect(networkFailure(error, context)).toEqual({
      ok: false, category: 'provider', retriable: true, providerCode: 'network',
      message: 'could not reach Evolution at https://evo.example.com (ENOTFOUND): check baseUrl and that the server is up; the instance may not be connected',
    });
  });
});

describe('helpers', () => {
  it.each([
    ['7', 7000], ['0', 0], ['Tue, 12 May 2026 13:59:00 GMT', 0], ['soon', undefined], [null, undefined],
  ])('parseRetryAfter(%j)', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.each([
    [{ status: 400, error: 'Bad Request', response: { message: ['a', 'b'] } }, ['a', 'b']],
    [{ message: 'flat' }, ['flat']],
    [{ error: 'Unauthorized' }, ['Unauthorized']],
    ['  plain text  ', ['plain text']],
    [null, []],
  ])('providerMessages(%j)', (body, expected) => {
    expect(providerMessages(body)).toEqual(expected);
  });

  it('redacts every occurrence', () => {
    expect(redact('k=secret-key and secret-key', 'secret-key')).toBe('k=*** and ***');
  });
});
