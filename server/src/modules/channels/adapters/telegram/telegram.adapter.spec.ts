import type { OutboundMessage } from '@fluxo/node-sdk';

import { FakeHttpServer } from '../../../../../test/support/fake-providers/fake-http-server';
import type { TelegramFake } from '../../../../../test/support/fake-providers/telegram-fake';
import { startTelegramFake, telegramError, telegramMethod } from '../../../../../test/support/fake-providers/telegram-fake';
import { answerCallbackQuery, TelegramAdapter } from './telegram.adapter';
import { callTelegram } from './telegram.api';
import { BOT_TOKEN, SECRET_TOKEN } from './telegram.test-support';

const TOKEN_SECRET = BOT_TOKEN.split(':')[1]!;
const WEBHOOK_URL = 'https://fluxo.example.com/webhooks/telegram/ch_1';

describe('TelegramAdapter over HTTP', () => {
  let fake: TelegramFake;
  const adapter = new TelegramAdapter();
  const config = () => ({ botToken: BOT_TOKEN, secretToken: SECRET_TOKEN, apiBaseUrl: `${fake.url}/`, webhookUrl: WEBHOOK_URL });
  const send = (message: OutboundMessage, extra: { to?: string; replyToExternalMessageId?: string } = {}) =>
    adapter.send({ to: '5123456701', message, idempotencyKey: 'k1', ...extra }, config());

  beforeEach(async () => {
    fake = await startTelegramFake({ botToken: BOT_TOKEN, firstMessageId: 1900 });
  });
  afterEach(async () => {
    await fake.close();
  });

  it.each<[string, OutboundMessage, string, Record<string, unknown>]>([
    ['text', { kind: 'text', text: 'Olá, Maria! 😊' }, 'sendMessage', { chat_id: 5123456701, text: 'Olá, Maria! 😊' }],
    ['buttons', { kind: 'buttons', text: 'Confirma?', buttons: [{ id: 'yes', title: 'Sim' }, { id: 'no', title: 'Não' }] }, 'sendMessage',
      { chat_id: 5123456701, text: 'Confirma?', reply_markup: { inline_keyboard: [[{ text: 'Sim', callback_data: 'yes' }], [{ text: 'Não', callback_data: 'no' }]] } }],
    ['list', { kind: 'list', text: 'Horários', buttonLabel: 'Ver', sections: [{ title: 'Manhã', rows: [{ id: 's1', title: '08h00' }] }] }, 'sendMessage',
      { chat_id: 5123456701, text: 'Horários\n\nManhã\n• 08h00', reply_markup: { inline_keyboard: [[{ text: '08h00', callback_data: 's1' }]] } }],
    ['image', { kind: 'media', mediaType: 'image', url: 'https://cdn.example/pedido.jpg', caption: 'Pedido' }, 'sendPhoto',
      { chat_id: 5123456701, photo: 'https://cdn.example/pedido.jpg', caption: 'Pedido' }],
    ['video', { kind: 'media', mediaType: 'video', url: 'https://cdn.example/v.mp4' }, 'sendVideo', { chat_id: 5123456701, video: 'https://cdn.example/v.mp4' }],
    ['voice', { kind: 'media', mediaType: 'voice', url: 'https://cdn.example/v.ogg' }, 'sendVoice', { chat_id: 5123456701, voice: 'https://cdn.example/v.ogg' }],
    ['audio', { kind: 'media', mediaType: 'audio', url: 'https://cdn.example/a.mp3' }, 'sendAudio', { chat_id: 5123456701, audio: 'https://cdn.example/a.mp3' }],
    ['document', { kind: 'media', mediaType: 'document', url: 'https://cdn.example/d.pdf', caption: 'Guia' }, 'sendDocument',
      { chat_id: 5123456701, document: 'https://cdn.example/d.pdf', caption: 'Guia' }],
    ['location', { kind: 'location', lat: -23.561684, lng: -46.655981 }, 'sendLocation', { chat_id: 5123456701, latitude: -23.561684, longitude: -46.655981 }],
  ])('sends %s with %s', async (_name, message, method, body) => {
    await expect(send(message)).resolves.toStrictEqual({ ok: true, externalMessageId: '5123456701:1900' });
    expect(fake.server.requests).toHaveLength(1);
    const [request] = fake.server.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe(`/bot${BOT_TOKEN}/${method}`);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.body).toStrictEqual(body);
  });

  it('numbers consecutive messages and quotes the replied-to message', async () => {
    await expect(send({ kind: 'text', text: 'um' })).resolves.toStrictEqual({ ok: true, externalMessageId: '5123456701:1900' });
    await expect(send({ kind: 'text', text: 'dois' }, { replyToExternalMessageId: '5123456701:1845' })).resolves.toStrictEqual({ ok: true, externalMessageId: '5123456701:1901' });
    expect(fake.calls('sendMessage')[1]!.body).toStrictEqual({ chat_id: 5123456701, text: 'dois', reply_parameters: { message_id: 1845, allow_sending_without_reply: true } });
  });

  it('sends typing as sendChatAction, with no message id to give', async () => {
    await expect(send({ kind: 'typing', on: true })).resolves.toStrictEqual({ ok: true, externalMessageId: '' });
    expect(fake.calls('sendChatAction').map((request) => request.body)).toStrictEqual([{ chat_id: 5123456701, action: 'typing' }]);
  });

  it('makes no call for templates, "typing off" or over-long callback data', async () => {
    await expect(send({ kind: 'template', name: 't', language: 'pt_BR', variables: {} })).resolves.toMatchObject({ ok: false, category: 'unsupported', retriable: false });
    await expect(send({ kind: 'typing', on: false })).resolves.toStrictEqual({ ok: true, externalMessageId: '' });
    await expect(send({ kind: 'buttons', text: 'x', buttons: [{ id: 'x'.repeat(65), title: 'X' }] })).resolves.toMatchObject({ ok: false, category: 'invalid_request', retriable: false });
    expect(fake.server.requests).toHaveLength(0);
  });

  it('gives retry_after on 429, and the same payload goes through on retry', async () => {
    fake.server.failNext(telegramError(429, 'Too Many Requests: retry after 7', { retry_after: 7 }), telegramMethod('sendMessage'));
    await expect(send({ kind: 'text', text: 'oi' })).resolves.toStrictEqual({
      ok: false, category: 'rate_limited', retriable: true, retryAfterMs: 7000, providerCode: '429', message: 'Telegram sendMessage failed (429): Too Many Requests: retry after 7',
    });
    await expect(send({ kind: 'text', text: 'oi' })).resolves.toStrictEqual({ ok: true, externalMessageId: '5123456701:1900' });
    const [first, retry] = fake.calls('sendMessage');
    expect(retry!.rawBody).toBe(first!.rawBody);
  });

  it('takes Retry-After from the header when the body has none', async () => {
    fake.server.failNext({ status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests' }, headers: { 'retry-after': '2' } });
    await expect(send({ kind: 'text', text: 'oi' })).resolves.toMatchObject({ category: 'rate_limited', retriable: true, retryAfterMs: 2000 });
  });

  it.each([
    [telegramError(403, 'Forbidden: bot was blocked by the user'), { category: 'blocked_by_user', retriable: false, providerCode: '403', message: 'Telegram sendMessage failed (403): Forbidden: bot was blocked by the user' }],
    [telegramError(400, 'Bad Request: chat not found'), { category: 'recipient_unreachable', retriable: false, providerCode: '400', message: 'Telegram sendMessage failed (400): Bad Request: chat not found' }],
    [telegramError(400, 'Bad Request: message is too long'), { category: 'invalid_request', retriable: false, providerCode: '400', message: 'Telegram sendMessage failed (400): Bad Request: message is too long' }],
    [{ status: 502, body: '<html>Bad Gateway</html>' }, { category: 'provider', retriable: true, providerCode: '502', message: 'Telegram sendMessage failed (502): HTTP 502' }],
  ])('maps %j', async (answer, failure) => {
    fake.server.failNext(answer);
    await expect(send({ kind: 'text', text: 'oi' })).resolves.toStrictEqual({ ok: false, ...failure });
  });

  it('reports a wrong token as auth, without the token in the message', async () => {
    const wrongToken = '7712345601:AAEwrongTokenForThisBot_99999999999x';
    const result = await adapter.send({ to: '5123456701', message: { kind: 'text', text: 'oi' }, idempotencyKey: 'k1' }, { ...config(), botToken: wrongToken });
    expect(result).toStrictEqual({
      ok: false, category: 'auth', retriable: false, providerCode: '401',
      message: 'Telegram sendMessage failed (401): Unauthorized: check the bot token from @BotFather (it may have been revoked)',
    });
    expect(fake.server.requests[0]!.path).toBe(`/bot${wrongToken}/sendMessage`);
  });

  it('reports a broken config as auth without calling Telegram', async () => {
    const result = await adapter.send({ to: '5123456701', message: { kind: 'text', text: 'oi' }, idempotencyKey: 'k1' }, { secretToken: SECRET_TOKEN, apiBaseUrl: fake.url });
    expect(result).toMatchObject({ ok: false, category: 'auth', retriable: false, message: expect.stringMatching(/^Telegram channel config is invalid: botToken: /) });
    expect(fake.server.requests).toHaveLength(0);
  });

  it('activates by calling setWebhook with the secret and our update kinds', async () => {
    await expect(adapter.activate(config())).resolves.toStrictEqual({ ok: true });
    expect(fake.calls('setWebhook').map((request) => request.body)).toStrictEqual([{
      url: WEBHOOK_URL,
      secret_token: SECRET_TOKEN,
      allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'],
      drop_pending_updates: false,
    }]);
  });

  it('explains a failed activation', async () => {
    fake.server.failNext(telegramError(400, 'Bad Request: bad webhook: HTTPS URL must be provided for webhook'));
    await expect(adapter.activate(config())).resolves.toStrictEqual({
      ok: false,
      message: `Could not register the Telegram webhook at ${WEBHOOK_URL}: Telegram setWebhook failed (400): Bad Request: bad webhook: HTTPS URL must be provided for webhook`,
    });
    const { webhookUrl: _omitted, ...withoutUrl } = config();
    await expect(adapter.activate(withoutUrl)).resolves.toStrictEqual({ ok: false, message: 'Cannot register the Telegram webhook: the host gave no webhookUrl (is PUBLIC_URL set?)' });
  });

  it('resolves a file_id to a download URL that downloads the file', async () => {
    fake.addFile('AwACAgEAAxkBAAIHMGZ9', { filePath: 'voice/file_12.oga', content: 'OggS fake voice', contentType: 'audio/ogg' });
    const resolved = await adapter.resolveMedia('AwACAgEAAxkBAAIHMGZ9', config());
    expect(resolved).toStrictEqual({ url: `${fake.url}/file/bot${BOT_TOKEN}/voice/file_12.oga`, headers: {} });
    expect(fake.calls('getFile').map((request) => request.body)).toStrictEqual([{ file_id: 'AwACAgEAAxkBAAIHMGZ9' }]);
    const download = await fetch(resolved.url, { headers: resolved.headers });
    expect(download.status).toBe(200);
    await expect(download.text()).resolves.toBe('OggS fake voice');
  });

  it('fails to resolve an unknown file_id with a clear message', async () => {
    await expect(adapter.resolveMedia('nope', config())).rejects.toThrow('Cannot resolve Telegram file nope: Telegram getFile failed (400): Bad Request: invalid file_id');
  });

  it('answers a callback query', async () => {
    await expect(answerCallbackQuery('2207149350219463817', config())).resolves.toStrictEqual({ ok: true });
    await expect(answerCallbackQuery('2207149350219463818', config(), { text: 'Horário reservado ✅' })).resolves.toStrictEqual({ ok: true });
    expect(fake.calls('answerCallbackQuery').map((request) => request.body)).toStrictEqual([
      { callback_query_id: '2207149350219463817' },
      { callback_query_id: '2207149350219463818', text: 'Horário reservado ✅' },
    ]);
    fake.server.failNext(telegramError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid'));
    await expect(answerCallbackQuery('1', config())).resolves.toStrictEqual({
      ok: false, message: 'Telegram answerCallbackQuery failed (400): Bad Request: query is too old and response timeout expired or query ID is invalid',
    });
  });

  it('states its capabilities', () => {
    expect(adapter.capabilities(config())).toStrictEqual({
      maxTextLength: 4096, maxButtons: 8, buttonTitleMax: 64, maxListRows: 10, listRowTitleMax: 64,
      media: true, location: true, templates: false, typing: true, serviceWindow: false,
    });
  });
});

describe('TelegramAdapter when Telegram cannot be reached', () => {
  const message: OutboundMessage = { kind: 'text', text: 'oi' };

  it('reports a closed port as a retriable provider failure, without the token', async () => {
    const closed = await new FakeHttpServer().start();
    await closed.close();
    const result = await new TelegramAdapter().send({ to: '5123456701', message, idempotencyKey: 'k1' }, { botToken: BOT_TOKEN, secretToken: SECRET_TOKEN, apiBaseUrl: closed.url });
    expect(result).toStrictEqual({ ok: false, category: 'provider', retriable: true, message: 'Telegram sendMessage failed: network error (ECONNREFUSED)' });
  });

  it('gives up after the timeout, as a retriable provider failure', async () => {
    const slow = await new FakeHttpServer()
      .route(() => new Promise((resolve) => setTimeout(() => resolve({ status: 200, body: { ok: true, result: { message_id: 1, chat: { id: 1 } } } }), 1000)))
      .start();
    try {
      const result = await new TelegramAdapter({ timeoutMs: 100 }).send({ to: '5123456701', message, idempotencyKey: 'k1' }, { botToken: BOT_TOKEN, secretToken: SECRET_TOKEN, apiBaseUrl: slow.url });
      expect(result).toStrictEqual({ ok: false, category: 'provider', retriable: true, message: 'Telegram sendMessage timed out after 0.1 s' });
    } finally {
      await slow.close();
    }
  });

  it('never puts the token in a failure message, even when fetch rejects the URL it was built into', async () => {
    const config = { botToken: BOT_TOKEN, secretToken: SECRET_TOKEN, botId: '7712345601', apiBaseUrl: 'http://127.0.0.1:99999' };
    const outcome = await callTelegram(config, 'sendMessage', { chat_id: 1, text: 'oi' });
    expect(outcome).toStrictEqual({ ok: false, failure: { ok: false, category: 'provider', retriable: true, message: 'Telegram sendMessage failed: network error (ERR_INVALID_URL)' } });
    expect(JSON.stringify(outcome)).not.toContain(TOKEN_SECRET);
  });
});
