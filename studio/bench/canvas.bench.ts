/**
 * How the studio copes with a large flow, in headless Chromium against a real server (embedded
 * mode): the time to open a 300-node flow (navigation → every node on the canvas) and the frame
 * rate while panning and zooming it.
 * Run: npm run bench:studio [-- --nodes 300 --runs 5]   (builds the studio first)
 */
import type { Page } from 'playwright-core';
import { startBenchServer } from '../../server/bench/bench-server';
import { launchBrowser } from '../e2e/support/browser';
import { largeFlowGraph } from './large-flow';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > -1 ? Number(process.argv[index + 1] ?? fallback) : fallback;
};

const NODES = arg('nodes', 300);
const RUNS = arg('runs', 5);
const PORT = arg('port', 3417);

async function api<T>(baseUrl: string, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

/** Milliseconds from navigation start until every node is on the canvas. */
async function openFlow(page: Page, flowId: string, nodeCount: number): Promise<number> {
  await page.goto(`/flows/${flowId}`);
  const handle = await page.waitForFunction(`document.querySelectorAll('.react-flow__node').length >= ${nodeCount} ? performance.now() : 0`, undefined, { timeout: 30_000, polling: 'raf' });
  return (await handle.jsonValue()) as number;
}

/** A point of the canvas where nothing but the pane is, so a drag pans instead of moving a node. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate<{ x: number; y: number } | null>(`(() => {
    const box = document.querySelector('[data-testid="canvas"]').getBoundingClientRect();
    for (let fy = 0.1; fy < 0.95; fy += 0.05) {
      for (let fx = 0.1; fx < 0.95; fx += 0.05) {
        const x = box.left + box.width * fx;
        const y = box.top + box.height * fy;
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  })()`);
  if (!point) throw new Error('No empty spot on the canvas to pan from.');
  return point;
}

type Frames = { fps: number; p50: number; p99: number; longFrames: number };

/** Records requestAnimationFrame times while `gesture` runs. */
async function measureFrames(page: Page, gesture: () => Promise<void>): Promise<Frames> {
  // Page-side code as strings: this file is type-checked for Node, without the DOM's types.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    const run = (window.__run = (window.__run || 0) + 1);
    const tick = (time) => {
      if (!window.__recording || window.__run !== run) return;
      window.__frames.push(time);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await gesture();
  const frames = await page.evaluate<number[]>('window.__recording = false, window.__frames');
  const gaps = frames.slice(1).map((time, i) => time - frames[i]!).sort((a, b) => a - b);
  const seconds = (frames[frames.length - 1]! - frames[0]!) / 1000;
  return { fps: (frames.length - 1) / seconds, p50: percentile(gaps, 50), p99: percentile(gaps, 99), longFrames: gaps.filter((gap) => gap > 50).length };
}

async function pan(page: Page): Promise<void> {
  const start = await emptyPanePoint(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // About three seconds of dragging back and forth, one mouse event per ~16 ms.
  for (let i = 0; i < 180; i += 1) {
    const phase = (i / 60) * Math.PI;
    await page.mouse.move(start.x + Math.sin(phase) * 300, start.y + Math.cos(phase) * 120);
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
}

async function zoom(page: Page): Promise<void> {
  const point = await emptyPanePoint(page);
  await page.mouse.move(point.x, point.y);
  for (let i = 0; i < 120; i += 1) {
    await page.mouse.wheel(0, i < 60 ? -40 : 40);
    await page.waitForTimeout(16);
  }
}

async function main() {
  const server = await startBenchServer('embedded', PORT);
  const browser = await launchBrowser();
  try {
    const email = `bench-${Date.now()}@fluxo.local`;
    const password = 'bench-password-1';
    const signup = await api<{ accessToken: string }>(server.baseUrl, 'POST', '/api/auth/signup', null, { tenantName: 'Bench', name: 'Bench', email, password });
    const flow = await api<{ id: string; problems: unknown[] }>(server.baseUrl, 'POST', '/api/flows', signup.accessToken, { name: `${NODES} nós`, graph: largeFlowGraph(NODES) });

    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'pt-BR', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByTestId('login-email').fill(email);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('flow-list').waitFor();

    // Each run opens the flow in a new tab of the same browser session (logged in, assets cached after the first).
    const opens: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const tab = await context.newPage();
      opens.push(await openFlow(tab, flow.id, NODES));
      if (run < RUNS - 1) await tab.close();
    }
    const tab = context.pages()[context.pages().length - 1]!;
    const heap = await tab.evaluate<number>('performance.memory ? performance.memory.usedJSHeapSize : 0');
    await tab.waitForTimeout(500);
    const panning = await measureFrames(tab, () => pan(tab));
    const zooming = await measureFrames(tab, () => zoom(tab));

    const ms = (value: number) => `${value.toFixed(0)} ms`;
    console.log(`studio canvas, ${NODES} nodes / ${largeFlowGraph(NODES).edges.length} edges, headless Chromium (software rendering), viewport 1440×900`);
    console.log(`open (navigation → all nodes drawn): first ${ms(opens[0]!)}, median of ${RUNS} ${ms(median(opens))}, worst ${ms(Math.max(...opens))}`);
    for (const [name, frames] of [['pan', panning], ['zoom', zooming]] as const) {
      console.log(`${name}: ${frames.fps.toFixed(1)} fps, frame time p50 ${frames.p50.toFixed(1)} ms, p99 ${frames.p99.toFixed(1)} ms, frames over 50 ms: ${frames.longFrames}`);
    }
    console.log(`JS heap after opening: ${(heap / 1024 / 1024).toFixed(1)} MB`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
