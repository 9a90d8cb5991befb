import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake provider received, as it arrived. */
export type RecordedRequest = {
  method: string;
  /** Path and query, e.g. `/v25.0/118273645509182/messages`. */
  url: string;
  path: string;
  headers: Record<string, string>;
  rawBody: string;
  /** The body parsed as JSON or as a form (`application/x-www-form-urlencoded`), else the raw text. */
  body: unknown;
};

export type FakeAnswer = { status: number; body?: unknown; headers?: Record<string, string> };

/** Answers a request; return undefined to fall through to the next route (or a 404). */
export type FakeRoute = (request: RecordedRequest) => FakeAnswer | undefined | Promise<FakeAnswer | undefined>;

/**
 * A local HTTP server on 127.0.0.1 that plays a provider's API in tests: it records every request
 * and answers through routes. `failNext` queues one-off answers (a 429 with Retry-After, a 500,
 * a permanent error) that win over the routes, so a test can script "fail twice, then succeed".
 */
export class FakeHttpServer {
  readonly requests: RecordedRequest[] = [];
  private delayMs = 0;
  private readonly routes: FakeRoute[] = [];
  private readonly queued: Array<{ match: (request: RecordedRequest) => boolean; answer: FakeAnswer }> = [];
  private server?: Server;
  url = '';

  route(handler: FakeRoute): this {
    this.routes.push(handler);
    return this;
  }

  /** Every answer from now on waits this long (a slow provider). */
  slowDown(ms: number): this {
    this.delayMs = ms;
    return this;
  }

  /** The next request matching `match` (any, by default) gets `answer` instead of the routes' answer. */
  failNext(answer: FakeAnswer, match: (request: RecordedRequest) => boolean = () => true): this {
    this.queued.push({ match, answer });
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        (answer) => {
          const isText = typeof answer.body === 'string';
          res.writeHead(answer.status, { 'content-type': isText ? 'text/plain' : 'application/json', ...answer.headers });
          res.end(answer.body === undefined ? '' : isText ? (answer.body as string) : JSON.stringify(answer.body));
        },
        (error: Error) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`fake provider failed: ${error.message}`);
        },
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Requests whose path matches, in arrival order. */
  requestsTo(path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((request) => (typeof path === 'string' ? request.path === path : path.test(request.path)));
  }

  private async handle(req: IncomingMessage): Promise<FakeAnswer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]));
    const url = req.url ?? '/';
    const request: RecordedRequest = { method: req.method ?? 'GET', url, path: url.split('?')[0]!, headers, rawBody, body: parseBody(rawBody, headers['content-type']) };
    this.requests.push(request);
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const queuedIndex = this.queued.findIndex((entry) => entry.match(request));
    if (queuedIndex >= 0) return this.queued.splice(queuedIndex, 1)[0]!.answer;
    for (const route of this.routes) {
      const answer = await route(request);
      if (answer) return answer;
    }
    return { status: 404, body: { error: `no fake route for ${request.method} ${request.path}` } };
  }
}

function parseBody(raw: string, contentType = ''): unknown {
  if (!raw) return undefined;
  if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  if (contentType.includes('json')) {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return raw;
    }
  }
  return raw;
}
