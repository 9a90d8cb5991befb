import { parseTelegramConfig, TelegramConfigError } from './telegram.config';
import { BOT_TOKEN, SECRET_TOKEN } from './telegram.test-support';

describe('parseTelegramConfig', () => {
  it('takes the bot id from the token and defaults the API URL', () => {
    expect(parseTelegramConfig({ botToken: BOT_TOKEN, secretToken: SECRET_TOKEN })).toStrictEqual({
      botToken: BOT_TOKEN,
      secretToken: SECRET_TOKEN,
      apiBaseUrl: 'https://api.telegram.org',
      botId: '7712345601',
    });
  });

  it('strips trailing slashes from apiBaseUrl and keeps the host-given webhookUrl', () => {
    const config = parseTelegramConfig({ botToken: BOT_TOKEN, secretToken: SECRET_TOKEN, apiBaseUrl: 'http://127.0.0.1:8081//', webhookUrl: 'https://fluxo.example.com/webhooks/telegram/ch_1' });
    expect(config.apiBaseUrl).toBe('http://127.0.0.1:8081');
    expect(config.webhookUrl).toBe('https://fluxo.example.com/webhooks/telegram/ch_1');
  });

  it('accepts a 256-character secret, the most Telegram allows', () => {
    expect(parseTelegramConfig({ botToken: BOT_TOKEN, secretToken: 'a'.repeat(256) }).secretToken).toHaveLength(256);
  });

  it.each([
    ['no token', { secretToken: SECRET_TOKEN }, 'botToken: '],
    ['a token without the bot id', { botToken: 'AAEtestToken', secretToken: SECRET_TOKEN }, 'botToken: must look like <bot id digits>:<token> as given by @BotFather'],
    ['a token with a slash', { botToken: '77123:abc/def', secretToken: SECRET_TOKEN }, 'botToken: must look like'],
    ['no secret', { botToken: BOT_TOKEN }, 'secretToken: '],
    ['an empty secret', { botToken: BOT_TOKEN, secretToken: '' }, 'secretToken: must be 1–256 characters of A-Z a-z 0-9 _ -'],
    ['a 257-character secret', { botToken: BOT_TOKEN, secretToken: 'a'.repeat(257) }, 'secretToken: must be 1–256'],
    ['a secret with a space', { botToken: BOT_TOKEN, secretToken: 'tg secret' }, 'secretToken: must be 1–256'],
    ['an API URL that is not http(s)', { botToken: BOT_TOKEN, secretToken: SECRET_TOKEN, apiBaseUrl: 'ftp://api.telegram.org' }, 'apiBaseUrl: must be an http(s) URL'],
  ])('rejects %s, naming the field', (_name, config, message) => {
    expect(() => parseTelegramConfig(config)).toThrow(TelegramConfigError);
    expect(() => parseTelegramConfig(config)).toThrow(`Telegram channel config is invalid: ${message}`);
  });

  it('never echoes the token it rejects', () => {
    const badToken = '7712345601:AAE secret with spaces';
    expect(() => parseTelegramConfig({ botToken: badToken, secretToken: SECRET_TOKEN })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('AAE secret') }));
  });
});
