import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { providerFetch } from './provider-http';

describe('providerFetch (node:http, against a local server)', () => {
  let server: Server;
  let base = '';
  const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string; socketPort: number }> = [];
  let handler: (req: IncomingMessage, res: ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body, socketPort: req.socket.remotePort! });
        handler(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen.length = 0;
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });

  it('posts the body with its length and headers, and answers status, headers and text', async () => {
    handler = (_req, res) => res.writeHead(429, { 'retry-after': '7', 'set-cookie': ['a=1', 'b=2'] }).end('{"error":"slow down"}');
    const body = JSON.stringify({ text: 'Olá, tudo bem? 👋' });
    const response = await providerFetch(`${base}/v25.0/123/messages?x=1`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v25.0/123/messages?x=1', body });
    expect(seen[0]!.headers).toMatchObject({ authorization: 'Bearer t', 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    expect(response.status).toBe(429);
    expect(response.ok).toBe(false);
    expect(response.headers.get('Retry-After')).toBe('7');
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(response.headers.get('x-missing')).toBeNull();
    expect(await response.text()).toBe('{"error":"slow down"}');
  });

  it('sends a GET without a body, and keeps the connection for the next call', async () => {
    const first = await providerFetch(`${base}/media/1`, { method: 'GET' });
    const second = await providerFetch(`${base}/media/2`, { method: 'GET' });
    expect([first.ok, second.ok]).toEqual([true, true]);
    expect(seen.map((request) => [request.method, request.body, request.headers['content-length']])).toEqual([['GET', '', undefined], ['GET', '', undefined]]);
    expect(seen[1]!.socketPort).toBe(seen[0]!.socketPort);
  });

  it('rejects with the TimeoutError of AbortSignal.timeout when the provider does not answer in time', async () => {
    handler = () => undefined;
    const error = await providerFetch(`${base}/slow`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(100) }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'TimeoutError' });
  });

  it('rejects as fetch does when nothing listens: a TypeError whose cause names the socket error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await providerFetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
  });

  it('rejects a malformed URL the same way, without repeating the URL (it may hold a token)', async () => {
    const error = await providerFetch('http://127.0.0.1:99999/botSECRET/sendMessage', { method: 'POST', body: '{}' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ message: 'fetch failed', cause: { code: 'ERR_INVALID_URL' } });
  });
});
