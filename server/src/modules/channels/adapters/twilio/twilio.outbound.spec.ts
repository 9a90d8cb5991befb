import type { OutboundMessage } from '@fluxo/node-sdk';
import type { TwilioFake } from '../../../../../test/support/fake-providers/twilio-fake';
import { startTwilioFake } from '../../../../../test/support/fake-providers/twilio-fake';
import type { ChannelConfig, SendRequest } from '../channel-adapter';
import { TwilioAdapter } from './twilio.adapter';
import { twilioAddress } from './twilio.outbound';

const ACCOUNT_SID = 'AC9422162090adb34a3297abb904571272';
const AUTH_TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const WEBHOOK_URL = 'https://api.exemplo-bot.com.br/webhooks/twilio/status?tenant=clinica-sorriso';
const PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
const BASIC = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
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

const formFields = () => [...new URLSearchParams(fake.requests[0]!.rawBody)];

describe('TwilioAdapter.send against the Messages API', () => {
  it('posts a text as a form, with Basic auth, to the account Messages.json', async () => {
    const result = await send({ kind: 'text', text: 'Olá, Maria! Sua consulta está confirmada ✅' });
    expect(result).toEqual({ ok: true, externalMessageId: `SM${'1'.padStart(32, '0')}` });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe(PATH);
    expect(request!.headers.authorization).toBe(BASIC);
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    expect(formFields()).toEqual([
      ['To', 'whatsapp:+5511999990001'],
      ['From', 'whatsapp:+5511999990000'],
      ['Body', 'Olá, Maria! Sua consulta está confirmada ✅'],
      ['StatusCallback', WEBHOOK_URL],
    ]);
  });

  it('counts sids up, one per accepted message', async () => {
    const first = await send({ kind: 'text', text: 'um' });
    const second = await send({ kind: 'text', text: 'dois' });
    expect([first, second]).toEqual([
      { ok: true, externalMessageId: `SM${'2'.padStart(32, '0')}` },
      { ok: true, externalMessageId: `SM${'3'.padStart(32, '0')}` },
    ]);
  });

  it('sends media by URL with the caption as Body', async () => {
    const result = await send({ kind: 'media', mediaType: 'image', url: 'https://cdn.exemplo.com.br/mapa.png', caption: 'Como chegar', fileName: 'mapa.png' });
    expect(result.ok).toBe(true);
    expect(formFields()).toEqual([
      ['To', 'whatsapp:+5511999990001'],
      ['From', 'whatsapp:+5511999990000'],
      ['MediaUrl', 'https://cdn.exemplo.com.br/mapa.png'],
      ['Body', 'Como chegar'],
      ['StatusCallback', WEBHOOK_URL],
    ]);
    expect(fake.messages[0]).toMatchObject({ mediaUrls: ['https://cdn.exemplo.com.br/mapa.png'], body: 'Como chegar', statusCallback: WEBHOOK_URL });
  });

  it('sends media without a caption with no Body at all', async () => {
    await send({ kind: 'media', mediaType: 'voice', url: 'https://cdn.exemplo.com.br/audio.ogg' });
    expect(formFields()).toEqual([
      ['To', 'whatsapp:+5511999990001'],
      ['From', 'whatsapp:+5511999990000'],
      ['MediaUrl', 'https://cdn.exemplo.com.br/audio.ogg'],
      ['StatusCallback', WEBHOOK_URL],
    ]);
  });

  it('leaves StatusCallback out when the host gave no webhook URL', async () => {
    await send({ kind: 'text', text: 'oi' }, '+5511999990007', { from: '+5511999990000', webhookUrl: undefined });
    expect(formFields()).toEqual([
      ['To', '+5511999990007'],
      ['From', '+5511999990000'],
      ['Body', 'oi'],
    ]);
  });

  it('answers typing without calling Twilio', async () => {
    expect(await send({ kind: 'typing', on: true })).toEqual({ ok: true, externalMessageId: '' });
    expect(fake.requests).toHaveLength(0);
  });

  it.each<[string, OutboundMessage]>([
    ['buttons', { kind: 'buttons', text: 'Confirma?', buttons: [{ id: 'sim', title: 'Sim' }] }],
    ['list', { kind: 'list', text: 'Escolha', buttonLabel: 'Ver', sections: [{ rows: [{ id: 'a', title: 'A' }] }] }],
    ['location', { kind: 'location', lat: -23.56, lng: -46.65 }],
    ['template', { kind: 'template', name: 'lembrete', language: 'pt_BR', variables: { '1': 'Maria' } }],
  ])('refuses %s as unsupported, without calling Twilio', async (kind, message) => {
    expect(await send(message)).toEqual({
      ok: false,
      category: 'unsupported',
      retriable: false,
      message: `Twilio cannot send a '${kind}' message without a Content API template (ContentSid); send it as text.`,
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses text over 1600 characters before calling Twilio', async () => {
    expect(await send({ kind: 'text', text: 'a'.repeat(1601) })).toEqual({
      ok: false,
      category: 'invalid_request',
      retriable: false,
      message: 'Twilio takes at most 1600 characters in Body; got 1601 (the host splits long text first).',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses media that is not at a public http(s) URL', async () => {
    const result = await send({ kind: 'media', mediaType: 'document', url: 'data:application/pdf;base64,AAAA' });
    expect(result).toMatchObject({ ok: false, category: 'invalid_request', retriable: false });
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses an invalid config without calling Twilio or echoing secrets', async () => {
    const result = await send({ kind: 'text', text: 'oi' }, 'whatsapp:+5511999990001', { accountSid: 'AC123', from: '5511999990000' });
    expect(result).toEqual({
      ok: false,
      category: 'invalid_request',
      retriable: false,
      message:
        "The Twilio channel's config is invalid: accountSid: an Account SID: AC followed by 32 hex digits; from: whatsapp:+E.164 for WhatsApp or +E.164 for SMS, e.g. whatsapp:+5511999990000.",
    });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('twilioAddress', () => {
  it.each([
    ['whatsapp:+5511999990001', 'whatsapp:+5511999990000', 'whatsapp:+5511999990001'],
    ['+5511999990007', '+5511999990000', '+5511999990007'],
    ['5511999990001', 'whatsapp:+5511999990000', 'whatsapp:+5511999990001'],
    ['+5511999990001', 'whatsapp:+5511999990000', 'whatsapp:+5511999990001'],
    ['5511999990007', '+5511999990000', '+5511999990007'],
  ])('%s from %s → %s', (to, from, expected) => {
    expect(twilioAddress(to, from)).toBe(expected);
  });
});

describe('the Twilio fake', () => {
  const post = (path: string, form: string, authorization = BASIC) =>
    fetch(`${fake.url}${path}`, { method: 'POST', headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' }, body: form });

  it("refuses bad credentials with Twilio's 20003 body", async () => {
    const response = await post(PATH, 'To=%2B1&From=%2B2&Body=x', 'Basic eDp5');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
  });

  it('refuses another account in the path, and a message without To or content', async () => {
    expect((await post('/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json', 'To=%2B1&From=%2B2&Body=x')).status).toBe(404);
    expect(await (await post(PATH, 'From=%2B2&Body=x')).json()).toMatchObject({ code: 21604, status: 400 });
    expect(await (await post(PATH, 'To=%2B1&From=%2B2')).json()).toMatchObject({ code: 21602, status: 400 });
    expect(fake.messages).toHaveLength(0);
  });

  it('keeps every MediaUrl of a message and answers like Twilio', async () => {
    const response = await post(PATH, 'To=%2B1&From=%2B2&MediaUrl=https%3A%2F%2Fa&MediaUrl=https%3A%2F%2Fb');
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ sid: expect.stringMatching(/^SM[0-9a-f]{32}$/), status: 'queued', to: '+1', from: '+2', body: '', num_media: '2', direction: 'outbound-api' });
    expect(fake.messages[0]).toEqual({ sid: body.sid, to: '+1', from: '+2', mediaUrls: ['https://a', 'https://b'] });
  });
});
