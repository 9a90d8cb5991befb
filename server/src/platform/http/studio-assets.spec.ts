import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { studioAssets } from './studio-assets';

describe('serving the studio build', () => {
  const root = mkdtempSync(join(tmpdir(), 'studio-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Fluxo</title>');
  writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
  const app = express();
  app.use(...studioAssets(root));
  app.use((_req, res) => res.status(404).json({ error: 'api 404' }));
  let base = '';
  let server: ReturnType<typeof app.listen>;
  beforeAll(async () => {
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('answers app routes with the index page, uncached', async () => {
    const page = await fetch(`${base}/flows/123`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Fluxo</title>');
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets as immutable', async () => {
    const asset = await fetch(`${base}/assets/app-1a2b.js`);
    expect(await asset.text()).toBe('console.log(1)');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('leaves the API, hooks and health to the server, even for browsers', async () => {
    for (const path of ['/api/flows', '/hooks/x/y', '/health/live']) {
      const response = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
      expect(await response.json()).toEqual({ error: 'api 404' });
    }
  });
});
