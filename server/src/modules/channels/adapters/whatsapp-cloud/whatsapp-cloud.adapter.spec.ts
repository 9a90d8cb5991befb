import type { SendRequest } from '../channel-adapter';
import { FakeHttpServer } from '../../../../../test/support/fake-providers/fake-http-server';
import { graphError, startWhatsAppCloudFake } from '../../../../../test/support/fake-providers/whatsapp-cloud-fake';
import type { WhatsAppCloudFake } from '../../../../../test/support/fake-providers/whatsapp-cloud-fake';
import { WhatsAppCloudAdapter } from './whatsapp-cloud.adapter';

const TOKEN = 'EAAG-test-token-0123456789';
const PHONE_NUMBER_ID = '118273645509182';
const CUSTOMER = '5511999990001';
const adapter = new WhatsAppCloudAdapter();

let fake: WhatsAppCloudFake;

beforeEach(async () => {
  fake = await startWhatsAppCloudFake({ accessToken: TOKEN, phoneNumberId: PHONE_NUMBER_ID, version: 'v25.0' });
});

afterEach(async () => {
  await fake.close();
});

function request(message: SendRequest['message'], extra: Partial<SendRequest> = {}): SendRequest {
  return { to: CUSTOMER, message, idempotencyKey: 'out-42', ...extra };
}

const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: CUSTOMER, biz_opaque_callback_data: 'out-42' };

describe('WhatsAppCloudAdapter.send: request shape', () => {
  it('posts a text to the messages endpoint with the bearer token and JSON', async () => {
    const result = await adapter.send(request({ kind: 'text', text: 'Perfeito! Tenho horários amanhã às 14h.' }), fake.channelConfig());
    expect(result).toEqual({ ok: true, externalMessageId: 'wamid.1' });
    const [sent] = fake.requests();
    expect(sent!.method).toBe('POST');
    expect(sent!.url).toBe('/v25.0/118273645509182/messages');
    expect(sent!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(sent!.body).toEqual({ ...envelope, type: 'text', text: { preview_url: false, body: 'Perfeito! Tenho horários amanhã às 14h.' } });
    // Sent as UTF-8, not mangled on the way.
    expect(sent!.rawBody).toContain('horários amanhã às 14h');
  });

  it('honours previewUrl and quotes the message it replies to', async () => {
    await adapter.send(request({ kind: 'text', text: 'https://exemplo.com', previewUrl: true }, { replyToExternalMessageId: 'wamid.IN1' }), fake.channelConfig());
    expect(fake.bodies()).toEqual([{ ...envelope, type: 'text', text: { preview_url: true, body: 'https://exemplo.com' }, context: { message_id: 'wamid.IN1' } }]);
  });

  it('sends reply buttons with header and footer', async () => {
    const message = {
      kind: 'buttons' as const,
      text: 'Confirma sua consulta amanhã (13/05) às 14h?',
      header: 'Clínica Sorriso',
      footer: 'Responda até 18h',
      buttons: [{ id: 'confirmar_2026-05-13T14:00', title: 'Confirmar' }, { id: 'remarcar', title: 'Remarcar' }, { id: 'cancelar', title: 'Cancelar' }],
    };
    expect(await adapter.send(request(message), fake.channelConfig())).toEqual({ ok: true, externalMessageId: 'wamid.1' });
    expect(fake.bodies()[0]).toEqual({
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Clínica Sorriso' },
        body: { text: 'Confirma sua consulta amanhã (13/05) às 14h?' },
        footer: { text: 'Responda até 18h' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'confirmar_2026-05-13T14:00', title: 'Confirmar' } },
            { type: 'reply', reply: { id: 'remarcar', title: 'Remarcar' } },
            { type: 'reply', reply: { id: 'cancelar', title: 'Cancelar' } },
          ],
        },
      },
    });
  });

  it('sends a list with the button label and sections', async () => {
    const message = {
      kind: 'list' as const,
      text: 'Escolha um horário para a sua consulta:',
      buttonLabel: 'Ver horários',
      header: 'Horários disponíveis',
      sections: [
        { title: 'Quinta (14/05)', rows: [{ id: 'slot_2026-05-14T09:00', title: 'Quinta, 9h00', description: 'Dra. Luíza Martins' }, { id: 'slot_2026-05-14T14:00', title: 'Quinta, 14h00' }] },
        { title: 'Sexta (15/05)', rows: [{ id: 'slot_2026-05-15T10:00', title: 'Sexta, 10h00' }] },
      ],
    };
    await adapter.send(request(message), fake.channelConfig());
    expect(fake.bodies()[0]).toEqual({
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'list',
        header: { type: 'text', text: 'Horários disponíveis' },
        body: { text: 'Escolha um horário para a sua consulta:' },
        action: {
          button: 'Ver horários',
          sections: [
            { title: 'Quinta (14/05)', rows: [{ id: 'slot_2026-05-14T09:00', title: 'Quinta, 9h00', description: 'Dra. Luíza Martins' }, { id: 'slot_2026-05-14T14:00', title: 'Quinta, 14h00' }] },
            { title: 'Sexta (15/05)', rows: [{ id: 'slot_2026-05-15T10:00', title: 'Sexta, 10h00' }] },
          ],
        },
      },
    });
  });

  it.each([
    ['image', { mediaType: 'image', url: 'https://cdn.example/a.jpg', caption: 'Seu exame' }, { type: 'image', image: { link: 'https://cdn.example/a.jpg', caption: 'Seu exame' } }],
    ['video', { mediaType: 'video', url: 'https://cdn.example/a.mp4' }, { type: 'video', video: { link: 'https://cdn.example/a.mp4' } }],
    ['document', { mediaType: 'document', url: 'https://cdn.example/r.pdf', caption: 'Recibo', fileName: 'recibo.pdf', mime: 'application/pdf' }, { type: 'document', document: { link: 'https://cdn.example/r.pdf', caption: 'Recibo', filename: 'recibo.pdf' } }],
    ['audio', { mediaType: 'audio', url: 'https://cdn.example/a.mp3' }, { type: 'audio', audio: { link: 'https://cdn.example/a.mp3' } }],
    ['voice', { mediaType: 'voice', url: 'https://cdn.example/v.ogg', caption: 'not sent: audio takes none' }, { type: 'audio', audio: { link: 'https://cdn.example/v.ogg' } }],
  ])('sends %s media by link', async (_case, media, expected) => {
    const result = await adapter.send(request({ kind: 'media', ...media } as SendRequest['message']), fake.channelConfig());
    expect(result).toEqual({ ok: true, externalMessageId: 'wamid.1' });
    expect(fake.bodies()[0]).toEqual({ ...envelope, ...expected });
  });

  it('sends a location', async () => {
    await adapter.send(request({ kind: 'location', lat: -23.5616841, lng: -46.6559812, name: 'Clínica Sorriso', address: 'Av. Paulista, 1578' }), fake.channelConfig());
    expect(fake.bodies()[0]).toEqual({ ...envelope, type: 'location', location: { latitude: -23.5616841, longitude: -46.6559812, name: 'Clínica Sorriso', address: 'Av. Paulista, 1578' } });
  });

  it('sends a template with the body parameters in variable order ("10" after "2")', async () => {
    const variables: Record<string, string> = {};
    for (const key of ['10', '2', '1', '3', '4', '5', '6', '7', '8', '9']) variables[key] = `v${key}`;
    const result = await adapter.send(request({ kind: 'template', name: 'lembrete_consulta', language: 'pt_BR', variables }), fake.channelConfig());
    expect(result).toEqual({ ok: true, externalMessageId: 'wamid.1' });
    expect(fake.bodies()[0]).toEqual({
      ...envelope,
      type: 'template',
      template: {
        name: 'lembrete_consulta',
        language: { code: 'pt_BR' },
        components: [{ type: 'body', parameters: ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9', 'v10'].map((text) => ({ type: 'text', text })) }],
      },
    });
  });

  it('sends a template without variables without components', async () => {
    await adapter.send(request({ kind: 'template', name: 'hello_world', language: 'en_US', variables: {} }), fake.channelConfig());
    expect(fake.bodies()[0]).toEqual({ ...envelope, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });
  });

  it('shows typing by marking the inbound message read', async () => {
    const result = await adapter.send(request({ kind: 'typing', on: true }, { replyToExternalMessageId: 'wamid.IN9' }), fake.channelConfig());
    expect(result).toEqual({ ok: true, externalMessageId: '' });
    expect(fake.bodies()).toEqual([{ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN9', typing_indicator: { type: 'text' } }]);
    expect(fake.readReceipts()).toHaveLength(1);
  });

  it('makes typing a no-op without an inbound message, or when turned off', async () => {
    expect(await adapter.send(request({ kind: 'typing', on: true }), fake.channelConfig())).toEqual({ ok: true, externalMessageId: '' });
    expect(await adapter.send(request({ kind: 'typing', on: false }, { replyToExternalMessageId: 'wamid.IN9' }), fake.channelConfig())).toEqual({ ok: true, externalMessageId: '' });
    expect(fake.server.requests).toHaveLength(0);
  });

  it('sends to the id as received and lets Meta judge oversize content', async () => {
    const result = await adapter.send(request({ kind: 'text', text: 'x'.repeat(5000) }, { to: '553199990006' }), fake.channelConfig());
    expect(result).toEqual({ ok: true, externalMessageId: 'wamid.1' });
    expect(fake.bodies()[0]).toMatchObject({ to: '553199990006', text: { body: 'x'.repeat(5000) } });
  });
});

describe('WhatsAppCloudAdapter.send: failures', () => {
  const text = request({ kind: 'text', text: 'oi' });

  it('429 with Retry-After → rate_limited, retriable, with the wait', async () => {
    fake.failNextSend(graphError(130429, '(#130429) Rate limit hit', { status: 429, headers: { 'retry-after': '7' } }));
    expect(await adapter.send(text, fake.channelConfig())).toEqual({
      ok: false,
      category: 'rate_limited',
      retriable: true,
      retryAfterMs: 7000,
      providerCode: '130429',
      message: 'WhatsApp Cloud API error 130429 (HTTP 429): (#130429) Rate limit hit. Throughput limit of the business number reached: back off and retry',
    });
  });

  it('a bare HTTP 429 without Retry-After → rate_limited without a wait', async () => {
    fake.failNextSend({ status: 429, body: 'slow down' });
    expect(await adapter.send(text, fake.channelConfig())).toEqual({ ok: false, category: 'rate_limited', retriable: true, retryAfterMs: undefined, message: 'WhatsApp Cloud API HTTP 429: slow down. Rate limited: back off and retry' });
  });

  it('131056 (pair rate limit) → rate_limited, retriable', async () => {
    fake.failNextSend(graphError(131056, '(#131056) (Business Account, Consumer Account) pair rate limit hit'));
    expect(await adapter.send(text, fake.channelConfig())).toMatchObject({ ok: false, category: 'rate_limited', retriable: true, providerCode: '131056' });
  });

  it('500 → provider, retriable', async () => {
    fake.failNextSend({ status: 500, body: { error: { message: 'An unknown error occurred', type: 'OAuthException', code: 1 } } });
    expect(await adapter.send(text, fake.channelConfig())).toEqual({ ok: false, category: 'provider', retriable: true, providerCode: '1', message: 'WhatsApp Cloud API error 1 (HTTP 500): An unknown error occurred. A temporary WhatsApp error: retry with backoff' });
  });

  it('a 503 without a Graph body → provider, retriable', async () => {
    fake.failNextSend({ status: 503, body: '' });
    expect(await adapter.send(text, fake.channelConfig())).toEqual({ ok: false, category: 'provider', retriable: true, message: 'WhatsApp Cloud API HTTP 503: no error message. WhatsApp answered with a server error: retry with backoff' });
  });

  it('131026 → recipient_unreachable, not retriable', async () => {
    fake.failNextSend(graphError(131026, 'Message undeliverable', { details: 'Unable to deliver message.' }));
    expect(await adapter.send(text, fake.channelConfig())).toEqual({
      ok: false,
      category: 'recipient_unreachable',
      retriable: false,
      providerCode: '131026',
      message: 'WhatsApp Cloud API error 131026 (HTTP 400): Message undeliverable: Unable to deliver message. The recipient cannot receive it (no WhatsApp, an old app, or they blocked the business): do not retry',
    });
  });

  it.each([
    [131047, 'outside_window', false],
    [131008, 'invalid_request', false],
    [131009, 'invalid_request', false],
    [100, 'invalid_request', false],
    [132000, 'invalid_request', false],
    [132001, 'invalid_request', false],
    [132012, 'invalid_request', false],
    [190, 'auth', false],
    [0, 'auth', false],
    [10, 'auth', false],
    [200, 'auth', false],
    [131000, 'provider', true],
    [2, 'provider', true],
    [131030, 'provider', false],
    [368, 'provider', false],
  ])('error code %i → %s (retriable: %s)', async (code, category, retriable) => {
    fake.failNextSend(graphError(code, `(#${code}) something`));
    expect(await adapter.send(text, fake.channelConfig())).toMatchObject({ ok: false, category, retriable, providerCode: String(code) });
  });

  it('a wrong token → auth, without the token in the message', async () => {
    const result = await adapter.send(text, fake.channelConfig({ accessToken: 'EAAG-wrong-token-9876' }));
    expect(result).toEqual({
      ok: false,
      category: 'auth',
      retriable: false,
      providerCode: '190',
      message: "WhatsApp Cloud API error 190 (HTTP 401): Invalid OAuth access token - Cannot parse access token. The access token is invalid or expired: update the channel's access token",
    });
    expect(fake.requests()[0]!.headers.authorization).toBe('Bearer EAAG-wrong-token-9876');
  });

  it('a request Meta would refuse (no recipient) → invalid_request from the fake', async () => {
    const result = await adapter.send(request({ kind: 'text', text: 'oi' }, { to: '' }), fake.channelConfig());
    expect(result).toEqual({ ok: false, category: 'invalid_request', retriable: false, providerCode: '100', message: 'WhatsApp Cloud API error 100 (HTTP 400): (#100) The parameter to is required. A parameter is missing or invalid' });
    expect(fake.sent()).toEqual([]);
  });

  it('a bare 401 → auth', async () => {
    fake.failNextSend({ status: 401, body: 'nope' });
    expect(await adapter.send(text, fake.channelConfig())).toMatchObject({ ok: false, category: 'auth', retriable: false });
  });

  it('scrubs secrets a provider echoes back', async () => {
    fake.failNextSend({ status: 400, body: { error: { message: `token ${TOKEN} is bad`, code: 131009 } } });
    const result = await adapter.send(text, fake.channelConfig());
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('token [redacted] is bad') });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('a 200 without a message id is not retried (the message may be out)', async () => {
    fake.failNextSend({ status: 200, body: { messaging_product: 'whatsapp' } });
    expect(await adapter.send(text, fake.channelConfig())).toMatchObject({ ok: false, category: 'provider', retriable: false });
  });

  it('a closed port → provider, retriable', async () => {
    const closed = await new FakeHttpServer().start();
    await closed.close();
    const result = await adapter.send(text, fake.channelConfig({ apiBaseUrl: closed.url }));
    expect(result).toEqual({ ok: false, category: 'provider', retriable: true, message: 'WhatsApp Cloud API could not be reached (ECONNREFUSED): check the API base URL and the network, then retry' });
  });

  it('no answer in time → provider, retriable', async () => {
    let timer: NodeJS.Timeout | undefined;
    const slow = new FakeHttpServer().route(() => new Promise((resolve) => (timer = setTimeout(() => resolve({ status: 200, body: {} }), 5000))));
    await slow.start();
    try {
      const result = await new WhatsAppCloudAdapter({ timeoutMs: 100 }).send(text, fake.channelConfig({ apiBaseUrl: slow.url }));
      expect(result).toEqual({ ok: false, category: 'provider', retriable: true, message: 'WhatsApp Cloud API did not answer within 0.1 s: retry later' });
    } finally {
      clearTimeout(timer);
      await slow.close();
    }
  });

  it('a broken config → invalid_request, not retriable, naming the field', async () => {
    const result = await adapter.send(text, fake.channelConfig({ phoneNumberId: undefined }));
    expect(result).toEqual({ ok: false, category: 'invalid_request', retriable: false, message: expect.stringMatching(/phoneNumberId is required/) });
    expect(fake.server.requests).toHaveLength(0);
  });
});

describe('WhatsAppCloudAdapter.resolveMedia', () => {
  it('returns a URL that downloads with the returned headers', async () => {
    fake.addMedia('2038475619283746', { mimeType: 'audio/ogg', content: 'OggS-fake-voice-note' });
    const media = await adapter.resolveMedia('2038475619283746', fake.channelConfig());
    expect(media).toEqual({ url: `${fake.url}/media-download/2038475619283746`, mime: 'audio/ogg', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(fake.server.requests[0]).toMatchObject({ method: 'GET', url: '/v25.0/2038475619283746', headers: expect.objectContaining({ authorization: `Bearer ${TOKEN}` }) });

    const download = await fetch(media.url, { headers: media.headers });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('audio/ogg');
    expect(await download.text()).toBe('OggS-fake-voice-note');
    expect((await fetch(media.url)).status).toBe(401);
  });

  it('throws a clear error for an unknown media id', async () => {
    await expect(adapter.resolveMedia('404404', fake.channelConfig())).rejects.toThrow(/^WhatsApp Cloud media 404404 could not be resolved: WhatsApp Cloud API error 100 \(HTTP 400\): Unsupported get request/);
  });

  it('throws without the token in the message on a wrong token', async () => {
    fake.addMedia('1', { mimeType: 'image/jpeg', content: 'x' });
    const error = await adapter.resolveMedia('1', fake.channelConfig({ accessToken: 'EAAG-wrong-token-9876' })).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/error 190 \(HTTP 401\)/);
    expect((error as Error).message).not.toContain('EAAG-wrong-token-9876');
  });

  it('throws when the API cannot be reached', async () => {
    const closed = await new FakeHttpServer().start();
    await closed.close();
    await expect(adapter.resolveMedia('1', fake.channelConfig({ apiBaseUrl: closed.url }))).rejects.toThrow(/could not be resolved: WhatsApp Cloud API could not be reached \(ECONNREFUSED\)/);
  });
});

describe('WhatsAppCloudAdapter capabilities', () => {
  it('matches the Cloud API limits', () => {
    expect(adapter.type).toBe('whatsapp_cloud');
    expect(adapter.capabilities()).toEqual({
      maxTextLength: 4096,
      maxButtons: 3,
      buttonTitleMax: 20,
      maxListRows: 10,
      listRowTitleMax: 24,
      media: true,
      location: true,
      templates: true,
      typing: true,
      serviceWindow: true,
    });
  });
});
