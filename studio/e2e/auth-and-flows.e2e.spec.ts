import type { Browser, Page } from 'playwright-core';
import { useTestApp } from '../../server/test/support/test-app';
import { launchBrowser, openPage, screenshot } from './support/browser';

/** The access token the studio keeps for its session (to check what it saved through the API). */
async function sessionToken(page: Page): Promise<string> {
  const stored = await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('fluxo.session'));
  const parsed = JSON.parse(stored ?? '{}') as { state?: { session?: { accessToken?: string } } };
  return parsed.state?.session?.accessToken ?? '';
}

/** The studio in a real browser against a real server (fresh Postgres database, free port). */
describe('studio: sign up, log in and manage flows (Chromium)', () => {
  const t = useTestApp();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs up, creates a flow, finds it in the list after logging in again', async () => {
    const { page, errors } = await openPage(browser, t.baseUrl);
    await page.goto('/signup');
    await page.getByTestId('signup-tenant').fill('Pet Shop Amigo');
    await page.getByTestId('signup-name').fill('Bia');
    await page.getByTestId('signup-email').fill('bia@petshop.example');
    await page.getByTestId('signup-password').fill('senha-segura-1');
    await page.getByTestId('signup-submit').click();
    await page.waitForURL('**/flows');
    await page.getByTestId('flow-list').waitFor();
    await screenshot(page, 'flows-empty');

    await page.getByTestId('new-flow').click();
    await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
    const flowId = page.url().split('/').pop()!;
    // A new flow opens in the editor with its start block: a trigger connected to a welcome message.
    await page.getByTestId('canvas').waitFor();
    await page.locator('.react-flow__node').nth(1).waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(2);
    await page.getByTestId('palette-search').fill('pergunta');
    await page.getByTestId('palette-item-fluxo.askQuestion').click();
    await page.locator('.react-flow__node').nth(2).waitFor();
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 10_000 });
    await screenshot(page, 'editor');
    const saved = await t.client.request('GET', `/api/flows/${flowId}`, { token: await sessionToken(page) });
    expect(saved.body.graph.nodes.map((n: { type: string }) => n.type)).toContain('fluxo.askQuestion');
    await page.goto('/flows');
    await page.getByTestId(`flow-row-${flowId}`).waitFor();
    await screenshot(page, 'flows-list');

    // A new session: the flow is the tenant's, stored on the server.
    const { page: again } = await openPage(browser, t.baseUrl);
    await again.goto('/login');
    await again.getByTestId('login-email').fill('bia@petshop.example');
    await again.getByTestId('login-password').fill('senha-segura-1');
    await again.getByTestId('login-submit').click();
    await again.getByTestId(`flow-row-${flowId}`).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows the server’s answer to a wrong password', async () => {
    const owner = await t.client.signup();
    const { page } = await openPage(browser, t.baseUrl);
    await page.goto('/login');
    await page.getByTestId('login-email').fill(owner.email);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await page.getByRole('alert').waitFor();
    expect(page.url()).toMatch(/\/login$/);
    await screenshot(page, 'login-error');
  });
});
