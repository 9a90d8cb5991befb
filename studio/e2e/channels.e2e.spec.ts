import type { Browser, Page } from 'playwright-core';
import { startTelegramFake } from '../../server/test/support/fake-providers/telegram-fake';
import type { TelegramFake } from '../../server/test/support/fake-providers/telegram-fake';
import { useTestApp } from '../../server/test/support/test-app';
import { journey, launchBrowser, logIn, openPage, screenshot } from './support/browser';

async function sessionToken(page: Page): Promise<string> {
  const stored = await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('fluxo.session'));
  return (JSON.parse(stored ?? '{}') as { state?: { session?: { accessToken?: string } } }).state?.session?.accessToken ?? '';
}

const BOT_TOKEN = '123456789:AAEh3k-loja';

/**
 * A shop owner connects a Telegram bot (against a local Bot API) and the website chat in a real
 * browser and server: a wrong token refused on activation, fixed without retyping the other
 * secret, activated, paused, and the chat deleted.
 */
describe('studio: connect channels (Chromium)', () => {
  const t = useTestApp();
  let browser: Browser;
  let telegram: TelegramFake;
  beforeAll(async () => {
    browser = await launchBrowser();
    telegram = await startTelegramFake({ botToken: BOT_TOKEN });
  });
  afterAll(async () => {
    await browser?.close();
    await telegram?.close();
  });

  it('connects Telegram and the website chat, activates, pauses and deletes', async () => {
    const owner = await t.client.signup({ tenantName: 'Loja da Ana' });
    const { page, errors } = await openPage(browser, t.baseUrl);
    page.setDefaultTimeout(10_000);
    await journey(page, errors, 'channels', async () => {
      await logIn(page, owner);
      await page.getByTestId('nav-channels').click();
      await page.getByTestId('channels-empty').waitFor();
      await screenshot(page, 'channels-empty');

      // Telegram, with a token the Bot API refuses.
      await page.getByTestId('new-channel').click();
      await page.getByTestId('channel-type-telegram').waitFor();
      await screenshot(page, 'channels-pick-type');
      await page.getByTestId('channel-type-telegram').click();
      await page.getByTestId('channel-name').fill('Robô da loja');
      await page.getByTestId('channel-field-botToken').fill('123456789:wrong');
      await page.getByTestId('channel-generate').click();
      const secret = await page.getByTestId('channel-field-secretToken').inputValue();
      expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
      await page.getByText('Configurações técnicas').click();
      await page.getByTestId('channel-field-apiBaseUrl').fill(telegram.url);
      await screenshot(page, 'channels-telegram-form');
      await page.getByTestId('channel-save').click();
      await page.getByRole('dialog', { name: 'Quase pronto!' }).waitFor();
      await page.getByRole('dialog').getByTestId('channel-activate').click();
      await page.getByTestId('channel-activate-error').waitFor();
      expect(await page.getByTestId('channel-activate-error').textContent()).toContain('Unauthorized');
      await screenshot(page, 'channels-activate-refused');
      await page.getByTestId('channel-done').click();

      const token = await sessionToken(page);
      const [created] = (await t.client.request('GET', '/api/channels', { token })).body as Array<{ id: string; config: Record<string, unknown>; status: string }>;
      expect(created).toMatchObject({ config: { botToken: '••••••••', secretToken: '••••••••', apiBaseUrl: telegram.url }, status: 'error' });
      const row = page.getByTestId(`channel-row-${created!.id}`);

      // The right token, without retyping the secret: activation then registers the generated one.
      await row.getByTestId('channel-edit').click();
      await page.getByTestId('channel-field-botToken').fill(BOT_TOKEN);
      await page.getByTestId('channel-save').click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await row.getByTestId('channel-activate').click();
      await page.getByText('Pronto! O Telegram já entrega as mensagens do seu robô.').waitFor();
      const [setWebhook] = telegram.calls('setWebhook').filter((call) => call.path === `/bot${BOT_TOKEN}/setWebhook`);
      expect(setWebhook?.body).toMatchObject({ secret_token: secret, url: `${t.config.publicUrl}/webhooks/telegram/${created!.id}` });
      await row.getByTestId('channel-status').filter({ hasText: 'Ativo' }).waitFor();

      // The website chat: the code to paste.
      await page.getByTestId('new-channel').click();
      await page.getByTestId('channel-type-webchat').click();
      await page.getByTestId('channel-name').fill('Chat do site');
      await page.getByTestId('channel-field-allowedOrigins').fill('https://www.lojadaana.com.br');
      await page.getByTestId('channel-save').click();
      const setup = page.getByRole('dialog', { name: 'Quase pronto!' });
      expect(await setup.getByTestId('channel-snippet').textContent()).toMatch(/^<script src="http:\/\/[^"]+\/widget\.js\?key=[^"]+" async><\/script>$/);
      await screenshot(page, 'channels-webchat-setup');
      await page.getByTestId('channel-done').click();

      await row.getByTestId('channel-toggle').click();
      await row.getByTestId('channel-status').filter({ hasText: 'Pausado' }).waitFor();
      await screenshot(page, 'channels-list');
      const channels = (await t.client.request('GET', '/api/channels', { token })).body as Array<{ id: string; type: string; status: string }>;
      expect(channels.map((channel) => [channel.type, channel.status])).toEqual([
        ['telegram', 'disconnected'],
        ['webchat', 'active'],
      ]);

      await page.getByTestId(`channel-row-${channels[1]!.id}`).getByTestId('channel-delete').click();
      await page.getByTestId('confirm-accept').click();
      await page.getByTestId(`channel-row-${channels[1]!.id}`).waitFor({ state: 'detached' });
      expect((await t.client.request('GET', '/api/channels', { token })).body).toHaveLength(1);
    });
    // The refused activation is a 422 the browser logs as a failed resource; nothing else may fail.
    expect(errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
  });
});
