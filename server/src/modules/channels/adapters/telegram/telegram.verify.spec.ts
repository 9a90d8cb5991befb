import { TelegramAdapter } from './telegram.adapter';
import { BOT_TOKEN, fixtureBytes, SECRET_TOKEN, webhookRequest } from './telegram.test-support';

const adapter = new TelegramAdapter();
const config = { botToken: BOT_TOKEN, secretToken: SECRET_TOKEN };
const body = fixtureBytes('message-text.json');

describe('TelegramAdapter.verify', () => {
  it('accepts the secret given to setWebhook', () => {
    expect(adapter.verify(webhookRequest(body), config)).toStrictEqual({ ok: true });
  });

  it('rejects a request without the header, saying to check the webhook registration', () => {
    expect(adapter.verify(webhookRequest(body, {}), config)).toStrictEqual({
      ok: false,
      reason: "missing x-telegram-bot-api-secret-token header: check that the webhook was registered (activate) with this channel's secret_token",
    });
  });

  it.each([
    ['a different secret', 'tg_other-secret'],
    ['the secret in another case', SECRET_TOKEN.toUpperCase()],
    ['the secret with trailing whitespace', `${SECRET_TOKEN} `],
    ['a prefix of the secret', SECRET_TOKEN.slice(0, -1)],
    ['an empty header', ''],
  ])('rejects %s', (_name, secret) => {
    expect(adapter.verify(webhookRequest(body, { 'x-telegram-bot-api-secret-token': secret }), config)).toStrictEqual({
      ok: false,
      reason: "x-telegram-bot-api-secret-token header does not match this channel's secret token: re-run activate so Telegram gets the current secret",
    });
  });

  it('rejects everything when the channel has no valid secret configured', () => {
    const result = adapter.verify(webhookRequest(body), { botToken: BOT_TOKEN });
    expect(result).toStrictEqual({ ok: false, reason: expect.stringMatching(/^Telegram channel config is invalid: secretToken: /) });
  });
});
