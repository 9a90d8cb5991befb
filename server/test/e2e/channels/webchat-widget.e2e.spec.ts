import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { journey, launchBrowser, openPage, screenshot } from '../../../../studio/e2e/support/browser';
import { buttonsBot, insertFlow } from '../../factories/flow-factory';
import { useTestApp } from '../../support/test-app';
import { createChannel } from './channel-test-support';

/** A plain shop page on another origin, with nothing but the widget's script tag. */
async function startShopPage(scriptUrl: string): Promise<{ url: string; server: Server }> {
  const html = `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>Clínica Sorriso</title></head>
<body><h1>Clínica Sorriso</h1><p>Agende sua consulta.</p><script src="${scriptUrl}" async></script></body></html>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

const bot = (page: Page, text: string) => page.locator('[data-fluxo="message"][data-from="bot"]', { hasText: text });

describe('website chat widget on a plain HTML page (Chromium)', () => {
  const t = useTestApp();
  let browser: Browser;
  let shop: { url: string; server: Server } | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    shop?.server.close();
  });

  it('chats with the published flow, clicks a button, and keeps the conversation across a reload', async () => {
    const owner = await t.client.signup();
    await insertFlow(t.database.dataSource, owner.tenantId, buttonsBot());
    // The page's origin is only known once its server listens; the channel is created for it.
    const probe = await startShopPage('');
    const origin = new URL(probe.url).origin;
    probe.server.close();
    const channel = await createChannel(t, owner.token, {
      type: 'webchat', name: 'Site', config: { allowedOrigins: [origin], title: 'Clínica Sorriso', subtitle: 'Respondemos na hora', primaryColour: '#1d4ed8' },
    }) as unknown as { widget: { scriptUrl: string } };
    const scriptUrl = channel.widget.scriptUrl.replace(t.config.publicUrl, t.baseUrl);
    shop = await startShopPageOn(scriptUrl, Number(new URL(origin).port));

    const { page, errors } = await openPage(browser, shop.url);
    page.setDefaultTimeout(10_000);
    await journey(page, errors, 'webchat-widget', async () => {
      await page.goto(shop!.url);
      await page.locator('[data-fluxo="launcher"]').click();
      await page.locator('[data-fluxo="title"]', { hasText: 'Clínica Sorriso' }).waitFor();
      await page.locator('[data-fluxo="input"]').fill('oi');
      await page.locator('[data-fluxo="send"]').click();
      await bot(page, 'Qual é o seu nome?').waitFor();
      await page.locator('[data-fluxo="input"]').fill('Ana');
      await page.locator('[data-fluxo="input"]').press('Enter');
      await bot(page, 'Oi, Ana! O que deseja?').waitFor();
      await page.locator('[data-fluxo="option"]', { hasText: 'Preços' }).click();
      await bot(page, 'Consulta: R$ 150,00').waitFor();
      await screenshot(page, 'webchat-widget');

      await page.reload();
      await page.locator('[data-fluxo="launcher"]').click();
      await bot(page, 'Consulta: R$ 150,00').waitFor();
      const transcript = await page.locator('[data-fluxo="message"]').evaluateAll((els) => els.map((el) => `${el.getAttribute('data-from')}: ${el.textContent}`));
      expect(transcript).toEqual([
        'visitor: oi', 'bot: Qual é o seu nome?', 'visitor: Ana', expect.stringMatching(/^bot: Oi, Ana! O que deseja\?/), 'visitor: Preços', 'bot: Consulta: R$ 150,00',
      ]);
    });
    expect(errors).toEqual([]);
    const [{ count }] = await t.database.dataSource.query(`SELECT count(*)::int AS count FROM conversations WHERE tenant_id = $1 AND channel = 'webchat'`, [owner.tenantId]);
    expect(count).toBe(1);
  }, 60_000);

  it('does not open on a page whose origin the channel does not allow', async () => {
    const owner = await t.client.signup();
    const channel = await createChannel(t, owner.token, { type: 'webchat', name: 'Site', config: { allowedOrigins: ['https://clinica.example'] } }) as unknown as { widget: { scriptUrl: string } };
    const other = await startShopPage(channel.widget.scriptUrl.replace(t.config.publicUrl, t.baseUrl));
    try {
      const { page } = await openPage(browser, other.url);
      await page.goto(other.url);
      await page.locator('[data-fluxo="launcher"]').click();
      await page.locator('[data-fluxo="notice"]', { hasText: 'allowed origins' }).waitFor({ timeout: 10_000 });
    } finally {
      other.server.close();
    }
  }, 30_000);
});

/** The same page on a given port (the origin the channel allows). */
async function startShopPageOn(scriptUrl: string, port: number): Promise<{ url: string; server: Server }> {
  const html = `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>Clínica Sorriso</title></head>
<body><h1>Clínica Sorriso</h1><script src="${scriptUrl}" async></script></body></html>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, server };
}
