import type { OutboundMessage } from '@fluxo/node-sdk';

import { FakeHttpServer } from '../../../../../test/support/fake-providers/fake-http-server';
import type { EvolutionFake } from '../../../../../test/support/fake-providers/evolution-fake';
import { evolutionError, evolutionMethod, startEvolutionFake } from '../../../../../test/support/fake-providers/evolution-fake';
import type { SendRequest } from '../channel-adapter';
import { EvolutionAdapter } from './evolution.adapter';

const API_KEY = 'E3B1C9A2-6F4D-4A8B-9C1E-2D7F5A0B8C34';
const INSTANCE = 'clinica-sorriso';
const MARIA = '5511999990001@s.whatsapp.net';
const adapter = new EvolutionAdapter({ now: () => new Date('2026-05-12T14:00:00.000Z') });

let fake: EvolutionFake;
let config: Record<string, unknown>;

beforeAll(async () => {
  fake = await startEvolutionFake({ apiKey: API_KEY, instance: INSTANCE });
  // The trailing slash is stripped: paths must not start with '//'.
  config = { baseUrl: `${fake.url}/`, instance: INSTANCE, apiKey: API_KEY, webhookUrl: 'https://fluxo.example.com/webhooks/evolution/ch_1/tok' };
});
afterAll(() => fake.close());

let sequence = 0;
const request = (message: OutboundMessage, extra: Partial<SendRequest> = {}): SendRequest => ({ to: MARIA, message, idempotencyKey: `key-${++sequence}`, ...extra });
const last = () => fake.server.requests[fake.server.requests.length - 1]!;

describe('send: requests', () => {
  it('sends text to the digits of a person JID, with the apikey header, and returns key.id', async () => {
    const result = await adapter.send(request({ kind: 'text', text: 'Olá, Maria!' }), config);
    // The fake's first send of this file.
    expect(result).toEqual({ ok: true, externalMessageId: '3EB0000000000000000001' });
    const sent = last();
    expect(sent.method).toBe('POST');
    expect(sent.path).toBe('/message/sendText/clinica-sorriso');
    expect(sent.headers).toMatchObject({ apikey: API_KEY, 'content-type': 'application/json' });
    expect(sent.body).toEqual({ number: '5511999990001', text: 'Olá, Maria!' });
  });

  it('hands out increasing 3EB0 ids, 22 characters long', async () => {
    const first = await adapter.send(request({ kind: 'text', text: 'um' }), config);
    const second = await adapter.send(request({ kind: 'text', text: 'dois' }), config);
    const ids = [first, second].map((result) => (result.ok ? result.externalMessageId : ''));
    expect(ids[0]).toHaveLength(22);
    expect(parseInt(ids[1]!.slice(4), 16) - parseInt(ids[0]!.slice(4), 16)).toBe(1);
  });

  it('quotes the replied message and passes linkPreview', async () => {
    await adapter.send(request({ kind: 'text', text: 'Confirmado', previewUrl: false }, { replyToExternalMessageId: '3A53E430494BDBAEBA80' }), config);
    expect(last().body).toEqual({ number: '5511999990001', text: 'Confirmado', linkPreview: false, quoted: { key: { id: '3A53E430494BDBAEBA80' } } });
  });

  it.each([
    ['a group JID', '120363041829374651@g.us', '120363041829374651@g.us'],
    ['a LID', '104527839201847@lid', '104527839201847@lid'],
    ['bare digits', '+5511999990002', '5511999990002'],
  ])('sends to %s as received', async (_label, to, number) => {
    await adapter.send(request({ kind: 'text', text: 'oi' }, { to }), config);
    expect(last().body).toEqual({ number, text: 'oi' });
  });

  it.each<[string, OutboundMessage, string, Record<string, unknown>]>([
    ['an image with caption', { kind: 'media', mediaType: 'image', url: 'https://cdn.example.com/mapa.jpg', mime: 'image/jpeg', caption: 'Como chegar' }, '/message/sendMedia/clinica-sorriso',
      { number: '5511999990001', mediatype: 'image', mimetype: 'image/jpeg', media: 'https://cdn.example.com/mapa.jpg', caption: 'Como chegar' }],
    ['a document, its name from the URL', { kind: 'media', mediaType: 'document', url: 'https://cdn.example.com/files/pedido%20medico.pdf' }, '/message/sendMedia/clinica-sorriso',
      { number: '5511999990001', mediatype: 'document', media: 'https://cdn.example.com/files/pedido%20medico.pdf', fileName: 'pedido medico.pdf' }],
    ['a named document', { kind: 'media', mediaType: 'document', url: 'https://cdn.example.com/x', fileName: 'orcamento.pdf', mime: 'application/pdf' }, '/message/sendMedia/clinica-sorriso',
      { number: '5511999990001', mediatype: 'document', mimetype: 'application/pdf', media: 'https://cdn.example.com/x', fileName: 'orcamento.pdf' }],
    ['a video', { kind: 'media', mediaType: 'video', url: 'https://cdn.example.com/v.mp4' }, '/message/sendMedia/clinica-sorriso',
      { number: '5511999990001', mediatype: 'video', media: 'https://cdn.example.com/v.mp4' }],
    ['an audio file', { kind: 'media', mediaType: 'audio', url: 'https://cdn.example.com/a.mp3', mime: 'audio/mpeg' }, '/message/sendMedia/clinica-sorriso',
      { number: '5511999990001', mediatype: 'audio', mimetype: 'audio/mpeg', media: 'https://cdn.example.com/a.mp3' }],
    ['a voice note', { kind: 'media', mediaType: 'voice', url: 'https://cdn.example.com/resposta.ogg' }, '/message/sendWhatsAppAudio/clinica-sorriso',
      { number: '5511999990001', audio: 'https://cdn.example.com/resposta.ogg' }],
    ['a location', { kind: 'location', lat: -23.5613, lng: -46.6565, name: 'Clínica Sorriso', address: 'Av. Paulista, 1000' }, '/message/sendLocation/clinica-sorriso',
      { number: '5511999990001', latitude: -23.5613, longitude: -46.6565, name: 'Clínica Sorriso', address: 'Av. Paulista, 1000' }],
    ['a bare location (name and address are required, even empty)', { kind: 'location', lat: -23.5, lng: -46.6 }, '/message/sendLocation/clinica-sorriso',
      { number: '5511999990001', latitude: -23.5, longitude: -46.6, name: '', address: '' }],
  ])('sends %s', async (_label, message, path, body) => {
    const result = await adapter.send(request(message), config);
    expect(result).toEqual({ ok: true, externalMessageId: expect.stringMatching(/^3EB0/) });
    expect(last().path).toBe(path);
    expect(last().body).toEqual(body);
  });

  it('quotes media replies too', async () => {
    await adapter.send(request({ kind: 'media', mediaType: 'voice', url: 'https://cdn.example.com/r.ogg' }, { replyToExternalMessageId: '3A9B3EB8F51FEC6BF07B' }), config);
    expect(last().body).toEqual({ number: '5511999990001', audio: 'https://cdn.example.com/r.ogg', quoted: { key: { id: '3A9B3EB8F51FEC6BF07B' } } });
  });

  it('shows typing through sendPresence; "off" makes no call', async () => {
    expect(await adapter.send(request({ kind: 'typing', on: true }), config)).toEqual({ ok: true, externalMessageId: '' });
    expect(last().path).toBe('/chat/sendPresence/clinica-sorriso');
    expect(last().body).toEqual({ number: '5511999990001', presence: 'composing', delay: 1200 });
    const count = fake.server.requests.length;
    expect(await adapter.send(request({ kind: 'typing', on: false }), config)).toEqual({ ok: true, externalMessageId: '' });
    expect(fake.server.requests).toHaveLength(count);
  });

  it.each<OutboundMessage>([
    { kind: 'buttons', text: 'Confirma?', buttons: [{ id: 'yes', title: 'Sim' }] },
    { kind: 'list', text: 'Horários', buttonLabel: 'Ver', sections: [{ rows: [{ id: 'r1', title: '14h' }] }] },
    { kind: 'template', name: 'lembrete', language: 'pt_BR', variables: {} },
  ])('refuses $kind without calling Evolution (the host degrades it first)', async (message) => {
    const count = fake.server.requests.length;
    expect(await adapter.send(request(message), config)).toEqual({
      ok: false, category: 'unsupported', retriable: false,
      message: `Evolution (Baileys) cannot send "${message.kind}" messages: the host should have degraded it to text`,
    });
    expect(fake.server.requests).toHaveLength(count);
  });
});

describe('send: failures', () => {
  const text = request({ kind: 'text', text: 'oi' });

  it('400 exists:false: the recipient is not on WhatsApp, not retriable', async () => {
    fake.notOnWhatsApp('5511999990009');
    expect(await adapter.send({ ...text, to: '5511999990009@s.whatsapp.net' }, config)).toEqual({
      ok: false, category: 'recipient_unreachable', retriable: false, providerCode: '400',
      message: 'Evolution says the recipient is not on WhatsApp (400): {"jid":"5511999990009@s.whatsapp.net","exists":false,"number":"5511999990009"}',
    });
  });

  it('400 SessionError: retriable provider trouble', async () => {
    fake.server.failNext(evolutionError(400, ['SessionError: No sessions']), evolutionMethod('message/sendText'));
    expect(await adapter.send(text, config)).toEqual({
      ok: false, category: 'provider', retriable: true, providerCode: '400',
      message: 'Evolution has no WhatsApp session for this chat yet (400): SessionError: No sessions; retry later',
    });
  });

  it('other 400: invalid request', async () => {
    fake.server.failNext(evolutionError(400, ['instance requires property "text"']));
    expect(await adapter.send(text, config)).toEqual({
      ok: false, category: 'invalid_request', retriable: false, providerCode: '400',
      message: 'Evolution refused the request (400): instance requires property "text"',
    });
  });

  it('401 (wrong apikey): auth, and the key never appears in the message', async () => {
    const result = await adapter.send(text, { ...config, apiKey: 'wrong-key-123' });
    expect(result).toEqual({
      ok: false, category: 'auth', retriable: false, providerCode: '401',
      message: "Evolution rejected the apikey (401): Unauthorized: check the channel's apiKey (the instance token or the server's global key)",
    });
    expect(last().headers.apikey).toBe('wrong-key-123');
  });

  it('404 (unknown instance): auth, naming the instance to check', async () => {
    expect(await adapter.send(text, { ...config, instance: 'clinica-outra' })).toEqual({
      ok: false, category: 'auth', retriable: false, providerCode: '404',
      message: 'Evolution does not know the instance "clinica-outra" (404): The "clinica-outra" instance does not exist: check the instance name and baseUrl',
    });
    expect(last().path).toBe('/message/sendText/clinica-outra');
  });

  it('429: rate limited, retriable after Retry-After', async () => {
    fake.server.failNext({ status: 429, body: 'Too Many Requests', headers: { 'retry-after': '7' } });
    expect(await adapter.send(text, config)).toEqual({
      ok: false, category: 'rate_limited', retriable: true, retryAfterMs: 7000, providerCode: '429',
      message: 'Evolution is rate limiting (429): Too Many Requests',
    });
  });

  it('500 then success: the first is retriable, the retry goes through', async () => {
    fake.server.failNext(evolutionError(500, ['Connection Closed']));
    expect(await adapter.send(text, config)).toEqual({
      ok: false, category: 'provider', retriable: true, providerCode: '500',
      message: 'Evolution failed (500): Connection Closed: the instance may not be connected; check its connection state',
    });
    expect(await adapter.send(text, config)).toEqual({ ok: true, externalMessageId: expect.stringMatching(/^3EB0/) });
  });

  it('masks the apikey if Evolution echoes it', async () => {
    fake.server.failNext({ status: 500, body: { status: 500, error: 'Internal Server Error', response: { message: [`bad header apikey=${API_KEY}`] } } });
    const result = await adapter.send(text, config);
    expect(result).toMatchObject({ ok: false, message: 'Evolution failed (500): bad header apikey=***: the instance may not be connected; check its connection state' });
  });

  it('201 without key.id: final, since the message may have gone out', async () => {
    fake.server.failNext({ status: 201, body: { status: 'PENDING' } });
    expect(await adapter.send(text, config)).toEqual({
      ok: false, category: 'provider', retriable: false, providerCode: '201', message: 'Evolution answered 201 without key.id: the message may have been sent',
    });
  });

  it('a closed port: retriable provider failure', async () => {
    const closed = await new FakeHttpServer().start();
    const url = closed.url;
    await closed.close();
    expect(await adapter.send(text, { ...config, baseUrl: url })).toEqual({
      ok: false, category: 'provider', retriable: true, providerCode: 'network',
      message: `could not reach Evolution at ${url} (ECONNREFUSED): check baseUrl and that the server is up; the instance may not be connected`,
    });
  });

  it('no answer within the timeout: retriable provider failure', async () => {
    const slow = await new FakeHttpServer().route(() => new Promise((resolve) => setTimeout(() => resolve({ status: 201, body: {} }), 1000))).start();
    try {
      const quick = new EvolutionAdapter({ timeoutMs: 100 });
      expect(await quick.send(text, { ...config, baseUrl: slow.url })).toEqual({
        ok: false, category: 'provider', retriable: true, providerCode: 'timeout',
        message: `Evolution at ${slow.url} did not answer within 0.1 s: the instance may not be connected, or the server is overloaded`,
      });
    } finally {
      await slow.close();
    }
  });

  it('an invalid config fails the send without a call', async () => {
    const count = fake.server.requests.length;
    expect(await adapter.send(text, { ...config, instance: 'clínica sorriso' })).toEqual({
      ok: false, category: 'invalid_request', retriable: false,
      message: 'Evolution channel config is invalid: instance: must be a URL-safe slug: letters, digits, - and _ (e.g. clinica-sorriso)',
    });
    expect(fake.server.requests).toHaveLength(count);
  });
});

describe('activate', () => {
  const events = ['MESSAGES_UPSERT', 'MESSAGES_UPDATE', 'SEND_MESSAGE', 'CONNECTION_UPDATE', 'QRCODE_UPDATED'];

  it('sets the nested v2.2+ webhook body', async () => {
    expect(await adapter.activate(config)).toEqual({ ok: true });
    expect(last().path).toBe('/webhook/set/clinica-sorriso');
    expect(last().headers.apikey).toBe(API_KEY);
    expect(last().body).toEqual({
      webhook: { enabled: true, url: 'https://fluxo.example.com/webhooks/evolution/ch_1/tok', byEvents: false, base64: false, events, headers: {} },
    });
  });

  it('asks for the JWT header when jwtKey is set', async () => {
    expect(await adapter.activate({ ...config, jwtKey: 'evo-jwt-test-key-clinica-sorriso-2026' })).toEqual({ ok: true });
    expect(fake.webhook()).toEqual({
      enabled: true, url: 'https://fluxo.example.com/webhooks/evolution/ch_1/tok', byEvents: false, base64: false, events,
      headers: { jwt_key: 'evo-jwt-test-key-clinica-sorriso-2026' },
    });
  });

  it('needs the webhookUrl from the host', async () => {
    const { webhookUrl: _url, ...withoutUrl } = config;
    expect(await adapter.activate(withoutUrl)).toEqual({ ok: false, message: 'the channel has no webhookUrl: the host must add it before activating' });
  });

  it('reports Evolution refusing it', async () => {
    expect(await adapter.activate({ ...config, apiKey: 'wrong' })).toEqual({
      ok: false, message: "could not set the webhook: Evolution rejected the apikey (401): Unauthorized: check the channel's apiKey (the instance token or the server's global key)",
    });
  });
});

describe('resolveMedia', () => {
  it('downloads through getBase64FromMediaMessage as a data: URL', async () => {
    fake.addMedia('3A9B3EB8F51FEC6BF07B', { base64: 'T2dnUwACAAAAAAAAAADqnjMl', mimetype: 'audio/ogg; codecs=opus', mediaType: 'audioMessage' });
    expect(await adapter.resolveMedia('3A9B3EB8F51FEC6BF07B', config)).toEqual({
      url: 'data:audio/ogg;codecs=opus;base64,T2dnUwACAAAAAAAAAADqnjMl', mime: 'audio/ogg; codecs=opus', headers: {},
    });
    expect(last().path).toBe('/chat/getBase64FromMediaMessage/clinica-sorriso');
    expect(last().headers.apikey).toBe(API_KEY);
    expect(last().body).toEqual({ message: { key: { id: '3A9B3EB8F51FEC6BF07B' } } });
  });

  it('falls back to the mediaType when Evolution gives no mimetype', async () => {
    fake.server.failNext({ status: 201, body: { mediaType: 'imageMessage', base64: 'data:image/jpeg;base64,/9j/4AAQ' } });
    expect(await adapter.resolveMedia('03A6F9C282F1CAF0F1EDEFBA6F83A60B', config)).toEqual({ url: 'data:image/jpeg;base64,/9j/4AAQ', mime: 'image/jpeg', headers: {} });
  });

  it('throws when Evolution cannot find the message', async () => {
    await expect(adapter.resolveMedia('UNKNOWN', config)).rejects.toThrow('could not download media of message UNKNOWN: Evolution refused the request (400): Error: Message not found');
  });

  it('throws when the answer has no base64', async () => {
    fake.server.failNext({ status: 201, body: { mediaType: 'imageMessage' } });
    await expect(adapter.resolveMedia('X', config)).rejects.toThrow('Evolution returned no base64 for message X: the media may have expired on WhatsApp');
  });
});
