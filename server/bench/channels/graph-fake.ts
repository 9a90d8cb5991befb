import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One accepted message: which business number sent it, to whom, and when it arrived (performance.now()). */
export type GraphSend = { phoneNumberId: string; to: string; body: Record<string, unknown>; at: number };

/**
 * A lean fake Graph API for the bench: `POST /{version}/{phoneNumberId}/messages` for any number
 * registered with its token, answering like Meta (a wamid per message, 401 for a wrong token, 400
 * for what Meta rejects outright, mirroring test/support/fake-providers/whatsapp-cloud-fake.ts).
 * Unlike that fake it records nothing: the test fake keeps every request (headers, raw and parsed
 * body) and can only be polled (`sent()` copies the whole list), while the bench must learn of each
 * reply the moment it arrives, for tens of thousands of them, across many numbers on one port.
 */
export class LeanGraphFake {
  private readonly tokens = new Map<string, string>();
  private server?: Server;
  private counter = 0;
  url = '';
  accepted = 0;
  rejected = 0;

  constructor(
    readonly version: string,
    private readonly onSend: (send: GraphSend) => void,
  ) {}

  /** Accepts messages for `phoneNumberId` with `Bearer <accessToken>`. */
  addNumber(phoneNumberId: string, accessToken: string): void {
    this.tokens.set(phoneNumberId, accessToken);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const answer = this.answer(req.method ?? 'GET', req.url ?? '/', req.headers.authorization, Buffer.concat(chunks).toString('utf8'));
        const text = JSON.stringify(answer.body);
        res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private answer(method: string, url: string, authorization: string | undefined, raw: string): { status: number; body: unknown } {
    const match = /^\/([^/]+)\/([^/]+)\/messages$/.exec(url.split('?')[0]!);
    if (method !== 'POST' || !match || match[1] !== this.version) return this.reject(404, 100, `no fake route for ${method} ${url}`);
    const phoneNumberId = match[2]!;
    const token = this.tokens.get(phoneNumberId);
    if (!token) return this.reject(400, 100, `Unsupported post request. Object with ID '${phoneNumberId}' does not exist`);
    if (authorization !== `Bearer ${token}`) return this.reject(401, 190, 'Invalid OAuth access token - Cannot parse access token');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return this.reject(400, 100, '(#100) The request body must be JSON');
    }
    if (body.messaging_product !== 'whatsapp') return this.reject(400, 100, '(#100) The parameter messaging_product is required.');
    if (body.status === 'read') return { status: 200, body: { success: true } };
    const type = typeof body.type === 'string' ? body.type : 'text';
    if (typeof body.to !== 'string' || !body.to) return this.reject(400, 100, '(#100) The parameter to is required.');
    if (typeof body[type] !== 'object' || body[type] === null) return this.reject(400, 100, `(#100) Param ${type} is required.`);
    const id = `wamid.bench.${++this.counter}`;
    this.accepted += 1;
    this.onSend({ phoneNumberId, to: body.to, body, at: performance.now() });
    return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id }] } };
  }

  private reject(status: number, code: number, message: string): { status: number; body: unknown } {
    this.rejected += 1;
    return { status, body: { error: { message, type: 'OAuthException', code, fbtrace_id: 'AfakeBenchTrace' } } };
  }
}
