import type { Browser } from 'playwright-core';
import { InboundIntake } from '../../server/src/runtime-host/inbound-intake';
import { useTestApp } from '../../server/test/support/test-app';
import { journey, launchBrowser, logIn, openPage, screenshot } from './support/browser';

/**
 * Maria wrote on WhatsApp and on Telegram; the clinic's receptionist opens her WhatsApp
 * conversation and merges the Telegram contact into it, in a real browser and server.
 */
describe('studio: merge the same person\'s contacts (Chromium)', () => {
  // The browser closes before the server: its afterAll comes first.
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const t = useTestApp();

  it('finds the Telegram contact from the WhatsApp conversation and merges it', async () => {
    const owner = await t.client.signup({ tenantName: 'Clínica Sorriso' });
    const intake = t.app.get(InboundIntake);
    const say = (channel: string, address: string, externalId: string, name: string) => intake.receiveFrom({
      tenantId: owner.tenantId, channel, address, type: 'text', externalId, contact: { key: address, name },
      content: { kind: 'message', message: { type: 'text', text: 'Oi, quero marcar uma consulta' } },
    });
    const whatsapp = await say('whatsapp_cloud', '5511999990001', 'wamid.e2e.1', 'Maria Souza');
    const telegram = await say('telegram', '777001', 'tg.e2e.1', 'Maria');

    const { page, errors } = await openPage(browser, t.baseUrl);
    page.setDefaultTimeout(10_000);
    await journey(page, errors, 'contacts-merge', async () => {
      await logIn(page, owner);
      await page.goto(`/conversations/${whatsapp.conversationId}`);
      await page.getByTestId('conversation-merge-contact').click();
      const dialog = page.getByTestId('merge-contact-dialog');
      await dialog.getByTestId('merge-contact-search').fill('maria');
      const telegramContact = (await t.database.dataSource.query(`SELECT contact_id FROM conversations WHERE id = $1`, [telegram.conversationId]))[0].contact_id as string;
      await dialog.getByTestId(`merge-contact-option-${telegramContact}`).click();
      await screenshot(page, 'contacts-merge-dialog');
      await dialog.getByTestId('merge-contact-accept').click();
      await page.getByText('Maria agora faz parte deste contato.').waitFor();
      await dialog.waitFor({ state: 'detached' });
    });
    const [moved] = await t.database.dataSource.query(`SELECT c.contact_id = w.contact_id AS same FROM conversations c, conversations w WHERE c.id = $1 AND w.id = $2`,
      [telegram.conversationId, whatsapp.conversationId]);
    expect(moved.same).toBe(true);
    expect(errors).toEqual([]);
  });
});
