import type { Page } from 'playwright-core';

/** Adds a node of this type from the palette (search, click) and returns its id: the new node is the selected one. */
export async function addNodeFromPalette(page: Page, search: string, type: string): Promise<string> {
  const before = await page.locator('.react-flow__node').count();
  await page.getByTestId('palette-search').fill(search);
  await page.getByTestId(`palette-item-${type}`).click();
  await page.locator('.react-flow__node').nth(before).waitFor();
  const id = await page.locator('.react-flow__node.selected').getAttribute('data-id');
  if (!id) throw new Error(`The ${type} node added from the palette is not selected.`);
  await page.getByTestId('palette-search').fill('');
  return id;
}

/** Drags from a node's output port to another node's input, as a person connects them. */
export async function connectNodes(page: Page, source: string, port: string, target: string): Promise<void> {
  await waitForViewportToSettle(page);
  const from = await page.locator(`.react-flow__node[data-id="${source}"] .react-flow__handle.source[data-handleid="${port}"]`).boundingBox();
  const to = await page.locator(`.react-flow__node[data-id="${target}"] .react-flow__handle.target`).boundingBox();
  if (!from || !to) throw new Error(`Cannot see the handles to connect ${source}.${port} → ${target}.`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
  await page.locator(`.react-flow__edge[data-id^="${source}-${port}-${target}"]`).first().waitFor({ timeout: 5_000 });
}

/**
 * Auto-layout and zoom-to-fit animate the viewport: handle positions read mid-animation are stale
 * by the time the mouse gets there, so wait until the transform stops changing.
 */
export async function waitForViewportToSettle(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last = await viewport.getAttribute('style');
  for (let stableReads = 0; stableReads < 2; ) {
    await page.waitForTimeout(120);
    const now = await viewport.getAttribute('style');
    stableReads = now === last ? stableReads + 1 : 0;
    last = now;
  }
}

/**
 * Selects a node by clicking its title and waits for the inspector of that node. A node just
 * dropped from the palette can lie over another one, so a click that landed on the other card
 * is tried again once the canvas settled.
 */
export async function selectNode(page: Page, id: string): Promise<void> {
  const inspector = page.locator(`[data-testid="inspector"][data-node-id="${id}"]`);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await page.getByTestId(`node-${id}`).getByTestId('node-title').click();
    if (await inspector.waitFor({ timeout: 2_000 }).then(() => true, () => false)) return;
    await waitForViewportToSettle(page);
  }
  await inspector.waitFor();
}

export async function waitForSaved(page: Page): Promise<void> {
  // Autosave waits 800 ms after the last change: see it go dirty → saved.
  await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 15_000 });
}
