import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { createRequestLogging, loggedUrl } from './request-logging.middleware';

describe('loggedUrl', () => {
  it('masks the token of an Evolution webhook URL and keeps only the names of query parameters', () => {
    expect(loggedUrl('/webhooks/evolution/6f1c/tok_3f9a8b')).toBe('/webhooks/evolution/6f1c/[redacted]');
    expect(loggedUrl('/webhooks/whatsapp-cloud/6f1c?hub.mode=subscribe&hub.verify_token=s3cr3t&hub.challenge=42'))
      .toBe('/webhooks/whatsapp-cloud/6f1c?hub.mode=…&hub.verify_token=…&hub.challenge=…');
    expect(loggedUrl('/api/flows?')).toBe('/api/flows');
    expect(loggedUrl('/webhooks/telegram/6f1c')).toBe('/webhooks/telegram/6f1c');
  });
});

describe('request logging', () => {
  it('logs each request once with method, path and status, and no secret from its URL', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const log = createLogger('info', new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    }));
    const logging = createRequestLogging(log);
    const server = createServer((req, res) => logging(req, res, () => {
      res.statusCode = req.url?.startsWith('/missing') ? 404 : 200;
      res.end('ok');
    }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await fetch(`${base}/webhooks/evolution/6f1c/tok_3f9a8b`, { method: 'POST', body: '{}' });
      await fetch(`${base}/hooks/t1/orders?apiKey=k_777&page=2`, { headers: { authorization: 'Bearer eyJhbGci' } });
      await fetch(`${base}/missing`);
      await fetch(`${base}/health/ready`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(lines.map((line) => [line.req, (line.res as { statusCode: number }).statusCode, line.level])).toEqual([
      [{ id: expect.any(String), method: 'POST', url: '/webhooks/evolution/6f1c/[redacted]' }, 200, 30],
      [{ id: expect.any(String), method: 'GET', url: '/hooks/t1/orders?apiKey=…&page=…' }, 200, 30],
      [{ id: expect.any(String), method: 'GET', url: '/missing' }, 404, 40],
    ]);
    const printed = JSON.stringify(lines);
    for (const secret of ['tok_3f9a8b', 'k_777', 'eyJhbGci']) expect(printed).not.toContain(secret);
  });
});
