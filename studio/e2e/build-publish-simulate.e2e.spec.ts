import type { Browser, Page } from 'playwright-core';
import { useTestApp } from '../../server/test/support/test-app';
import { addNodeFromPalette, connectNodes, selectNode, waitForSaved } from './support/canvas';
import { journey, launchBrowser, openPage, screenshot } from './support/browser';

type Graph = { nodes: Array<{ id: string; type: string; config: Record<string, unknown> }>; edges: Array<{ source: string; sourcePort: string; target: string }> };

async function sessionToken(page: Page): Promise<string> {
  const stored = await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('fluxo.session'));
  return (JSON.parse(stored ?? '{}') as { state?: { session?: { accessToken?: string } } }).state?.session?.accessToken ?? '';
}

/**
 * The whole journey in a real browser against a real server (fresh Postgres database): a
 * shop owner signs up, draws a bot from the palette, sees it autosave, publishes it, chats with it
 * in the simulator (clicking a button) and sees the path, breaks a node and sees the badge, and
 * restores the published version.
 */
describe('studio: build, publish, simulate and restore a bot (Chromium)', () => {
  const t = useTestApp();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('builds a bot from the palette, publishes it, chats with it and restores a version', async () => {
    const { page, errors } = await openPage(browser, t.baseUrl);
    // A step that hangs fails with its locator well before the test's own timeout.
    page.setDefaultTimeout(10_000);
    await journey(page, errors, 'build-publish-simulate', async () => {
      await page.goto('/signup');
      await page.getByTestId('signup-tenant').fill('Clínica Sorriso');
      await page.getByTestId('signup-name').fill('Carla');
      await page.getByTestId('signup-email').fill('carla@sorriso.example');
      await page.getByTestId('signup-password').fill('senha-segura-1');
      await page.getByTestId('signup-submit').click();
      await page.getByTestId('flow-list').waitFor();
      await page.getByTestId('new-flow').click();
      await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
      const flowId = page.url().split('/').pop()!;
      await page.getByTestId('node-welcome').waitFor();

      // trigger → ask the name → a message with two buttons (the starter's welcome message) → two branches.
      const ask = await addNodeFromPalette(page, 'pergunta', 'fluxo.askQuestion');
      await page.getByTestId('input-question').fill('Qual é o seu nome?');
      await page.getByTestId('input-variable').fill('nome');
      await selectNode(page, 'welcome');
      await page.getByTestId('input-kind').selectOption('buttons');
      await page.getByTestId('input-text').fill('Prazer, {{ vars.nome }}! Como posso ajudar?');
      await page.getByTestId('list-add-buttons').click();
      await page.getByTestId('input-buttons.0.title').fill('Agendar');
      await page.getByTestId('list-add-buttons').click();
      await page.getByTestId('input-buttons.1.title').fill('Preços');
      const agendar = await page.getByTestId('input-buttons.0.id').inputValue();
      const precos = await page.getByTestId('input-buttons.1.id').inputValue();
      await page.getByTestId(`node-welcome`).getByTestId(`node-port-${precos}`).waitFor();

      const booked = await addNodeFromPalette(page, 'enviar', 'fluxo.sendMessage');
      await page.getByTestId('input-text').fill('Ótimo! Qual dia fica melhor para você?');
      const prices = await addNodeFromPalette(page, 'enviar', 'fluxo.sendMessage');
      await page.getByTestId('input-text').fill('Consulta de avaliação: R$ 150,00.');

      await page.getByTestId('canvas-layout').click();
      await connectNodes(page, 'start', 'out', ask);
      await connectNodes(page, ask, 'out', 'welcome');
      await connectNodes(page, 'welcome', agendar, booked);
      await connectNodes(page, 'welcome', precos, prices);
      await page.getByTestId('canvas-layout').click();
      await waitForSaved(page);
      await screenshot(page, 'editor-bot-built');

      const token = await sessionToken(page);
      const draft = (await t.client.request<{ graph: Graph }>('GET', `/api/flows/${flowId}`, { token })).body.graph;
      expect(draft.edges.map((edge) => `${edge.source}.${edge.sourcePort}>${edge.target}`).sort()).toEqual(
        [`start.out>${ask}`, `${ask}.out>welcome`, `welcome.${agendar}>${booked}`, `welcome.${precos}>${prices}`].sort(),
      );
      expect(draft.nodes.find((node) => node.id === 'welcome')?.config).toMatchObject({ kind: 'buttons', buttons: [{ id: agendar, title: 'Agendar' }, { id: precos, title: 'Preços' }] });

      // Publish with a changelog.
      await page.getByTestId('publish-open').click();
      await page.getByTestId('publish-ready').waitFor();
      await page.getByTestId('publish-changelog').fill('Primeira versão: nome e menu');
      await screenshot(page, 'publish-dialog');
      await page.getByTestId('publish-confirm').click();
      await page.getByTestId('publish-dialog').waitFor({ state: 'detached' });
      const versions = (await t.client.request<Array<{ version: number; changelog: string }>>('GET', `/api/flows/${flowId}/versions`, { token })).body;
      expect(versions).toEqual([expect.objectContaining({ version: 1, changelog: 'Primeira versão: nome e menu' })]);

      // Chat with the published version, clicking a button; the path lights up on the canvas.
      await page.getByTestId('simulator-open').click();
      await page.getByTestId('simulator-source-published').click();
      await page.getByTestId('simulator-input').fill('oi');
      await page.getByTestId('simulator-send').click();
      await page.locator('[data-testid="simulator-message"][data-from="bot"]', { hasText: 'Qual é o seu nome?' }).waitFor();
      await page.getByTestId('simulator-input').fill('Ana');
      await page.getByTestId('simulator-input').press('Enter');
      await page.locator('[data-testid="simulator-message"][data-from="bot"]', { hasText: 'Prazer, Ana!' }).waitFor();
      await page.getByTestId('simulator-button').filter({ hasText: 'Preços' }).click();
      await page.locator('[data-testid="simulator-message"][data-from="bot"]', { hasText: 'R$ 150,00' }).waitFor();
      for (const id of ['start', ask, 'welcome', prices]) await page.locator(`[data-testid="node-${id}"][data-run]`).waitFor();
      expect(await page.locator(`[data-testid="node-${booked}"][data-run]`).count()).toBe(0);
      expect(await page.locator('.react-flow__edge.flow-edge--taken').count()).toBe(3);
      await screenshot(page, 'simulator-path');

      // Break the question (empty text): the node gets a validation badge from the server.
      await selectNode(page, ask);
      await page.getByTestId('input-question').fill('');
      await waitForSaved(page);
      await page.getByTestId(`node-${ask}`).getByTestId('node-problem-badge').waitFor();
      await screenshot(page, 'validation-badge');

      // Version 1 read-only, compared with the draft: the broken question is the changed node.
      await page.getByTestId('versions-open').click();
      await page.locator('[data-testid="version-item"][data-version="1"]').getByTestId('version-view').click();
      await page.getByTestId('version-canvas').waitFor();
      await page.getByTestId('version-diff-toggle').click();
      await page.getByTestId('version-canvas').locator(`[data-testid="node-${ask}"][data-diff="changed"]`).waitFor();
      expect(await page.getByTestId('version-canvas').locator('[data-diff]').count()).toBe(1);
      await screenshot(page, 'version-diff');
      await page.getByTestId('version-viewer-close').click();

      // Restore version 1: the question is back and the badge goes.
      await page.locator('[data-testid="version-item"][data-version="1"]').getByTestId('version-restore').click();
      await page.getByTestId('confirm-accept').click();
      await page.getByTestId(`node-${ask}`).getByTestId('node-problem-badge').waitFor({ state: 'detached' });
      await waitForSaved(page);
      await screenshot(page, 'version-restored');
      const restored = (await t.client.request<{ graph: Graph; problems: unknown[] }>('GET', `/api/flows/${flowId}`, { token })).body;
      expect(restored.graph.nodes.find((node) => node.id === ask)?.config).toMatchObject({ question: 'Qual é o seu nome?' });
      expect(restored.problems).toEqual([]);
    });
    expect(errors).toEqual([]);
  }, 120_000);
});
