import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { OutboundMessage } from '@fluxo/node-sdk';
import { FakeHttpServer } from '../../../../../test/support/fake-providers/fake-http-server';
import type { TwilioFake } from '../../../../../test/support/fake-providers/twilio-fake';
import { startTwilioFake, twilioError } from '../../../../../test/support/fake-providers/twilio-fake';
import type { ChannelConfig, SendRequest } from '../channel-adapter';
import { TwilioAdapter } from './twilio.adapter';

const ACCOUNT_SID = 'AC9422162090adb34a3297abb904571272';
const AUTH_TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const WEBHOOK_URL = 'https://api.exemplo-bot.com.br/webhooks/twilio/status?tenant=clinica-sorriso';
const NOW = new Date('2026-05-12T13:15:22.000Z');

let fake: TwilioFake;
const adapter = new TwilioAdapter({ now: () => NOW });

beforeAll(async () => {
  fake = await startTwilioFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.messages.length = 0;
});

const config = (overrides: Record<string, unknown> = {}): ChannelConfig => ({
  accountSid: ACCOUNT_SID,
  authToken: AUTH_TOKEN,
  from: 'whatsapp:+5511999990000',
  apiBaseUrl: `${fake.url}/`,
  webhookUrl: WEBHOOK_URL,
  ...overrides,
});

const send = (message: OutboundMessage, to = 'whatsapp:+5511999990001', overrides: Record<string, unknown> = {}) => {
  const request: SendRequest = { to, message, idempotencyKey: 'msg-1:0' };
  return adapter.send(request, config(overrides));
};

describe('TwilioAdapter.send when Twilio refuses', () => {
  it('maps 429 / 20429 to rate_limited, retriable after Retry-After seconds', async () => {
    fake.failNext(twilioError(429, 20429, 'Too Many Requests', { 'retry-after': '7' }));
    expect(await send({ kind: 'text', text: 'oi' })).toEqual({
      ok: false,
      category: 'rate_limited',
      retriable: true,
      retryAfterMs: 7000,
      providerCode: '20429',
      message: 'Twilio answered HTTP 429 (error 20429): Too Many Requests',
    });
  });

  it('reads a Retry-After HTTP date against the clock, and does without one', async () => {
    fake.failNext(twilioError(429, 20429, 'Too Many Requests', { 'retry-after': 'Tue, 12 May 2026 13:15:52 GMT' }));
    expect(await send({ kind: 'text', text: 'oi' })).toMatchObject({ category: 'rate_limited', retriable: true, retryAfterMs: 30_000 });
    fake.failNext({ status: 429, body: 'slow down' });
    const bare = await send({ kind: 'text', text: 'oi' });
    expect(bare).toEqual({ ok: false, category: 'rate_limited', retriable: true, message: 'Twilio answered HTTP 429: slow down' });
  });

  it.each([
    [400, 21610, 'Attempt to send to unsubscribed recipient', 'blocked_by_user'],
    [400, 21211, "The 'To' number whatsapp:+5511999 is not a valid phone number.", 'recipient_unreachable'],
    [400, 21614, "'To' number is not a valid mobile number", 'recipient_unreachable'],
    [400, 63003, 'Channel could not find To address', 'recipient_unreachable'],
    [400, 63016, 'Failed to send freeform message because you are outside the allowed window.', 'outside_window'],
    [400, 21620, 'Invalid media URL(s)', 'invalid_request'],
    [403, 20403, 'Permission denied', 'invalid_request'],
  ])('maps HTTP %i error %i to a permanent failure', async (status, code, text, category) => {
    fake.failNext(twilioError(status, code, text));
    expect(await send({ kind: 'text', text: 'oi' })).toEqual({
      ok: false,
      category,
      retriable: false,
      providerCode: String(code),
      message: `Twilio answered HTTP ${status} (error ${code}): ${text}`,
    });
  });

  it('maps a wrong Auth Token (401 / 20003) to auth, never echoing the token', async () => {
    const wrongToken = 'ffffffffffffffffffffffffffffffff';
    const result = await send({ kind: 'text', text: 'oi' }, 'whatsapp:+5511999990001', { authToken: wrongToken });
    expect(result).toEqual({ ok: false, category: 'auth', retriable: false, providerCode: '20003', message: 'Twilio answered HTTP 401 (error 20003): Authenticate' });
    expect(fake.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`${ACCOUNT_SID}:${wrongToken}`).toString('base64')}`);
  });

  it('masks the token should Twilio ever echo it', async () => {
    fake.failNext(twilioError(400, 21601, `bad ${AUTH_TOKEN} here`));
    const result = await send({ kind: 'text', text: 'oi' });
    expect(result).toMatchObject({ ok: false, category: 'invalid_request', message: 'Twilio answered HTTP 400 (error 21601): bad *** here' });
  });

  it('maps a 500 to provider, retriable', async () => {
    fake.failNext({ status: 500, body: 'Internal Server Error' });
    expect(await send({ kind: 'text', text: 'oi' })).toEqual({ ok: false, category: 'provider', retriable: true, message: 'Twilio answered HTTP 500: Internal Server Error' });
  });

  it('maps a 503 with Twilio JSON to provider, retriable, with its code', async () => {
    fake.failNext(twilioError(503, 20503, 'Service Unavailable'));
    expect(await send({ kind: 'text', text: 'oi' })).toEqual({ ok: false, category: 'provider', retriable: true, providerCode: '20503', message: 'Twilio answered HTTP 503 (error 20503): Service Unavailable' });
  });

  it('does not retry a 201 without a sid: it may have been sent', async () => {
    fake.failNext({ status: 201, body: { status: 'queued' } });
    expect(await send({ kind: 'text', text: 'oi' })).toEqual({ ok: false, category: 'provider', retriable: false, message: 'Twilio answered HTTP 201 without a message sid.' });
  });

});

describe('TwilioAdapter.send without an answer', () => {
  it('maps a closed port to provider, retriable', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as AddressInfo;
        server.close(() => resolve(free));
      });
    });
    const result = await adapter.send(
      { to: 'whatsapp:+5511999990001', message: { kind: 'text', text: 'oi' }, idempotencyKey: 'k' },
      { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: 'whatsapp:+5511999990000', apiBaseUrl: `http://127.0.0.1:${port}` },
    );
    expect(result).toEqual({ ok: false, category: 'provider', retriable: true, message: 'Could not reach Twilio: ECONNREFUSED.' });
  });

  it('gives up after the timeout: provider, retriable', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = await new FakeHttpServer().route(async () => (await gate, { status: 201, body: { sid: 'SMlate' } })).start();
    try {
      const quick = new TwilioAdapter({ timeoutMs: 100 });
      const result = await quick.send(
        { to: 'whatsapp:+5511999990001', message: { kind: 'text', text: 'oi' }, idempotencyKey: 'k' },
        { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: 'whatsapp:+5511999990000', apiBaseUrl: slow.url },
      );
      expect(result).toEqual({ ok: false, category: 'provider', retriable: true, message: 'Twilio did not answer within 0.1 s.' });
    } finally {
      release();
      await slow.close();
    }
  });
});
