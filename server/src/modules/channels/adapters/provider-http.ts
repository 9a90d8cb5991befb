import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export type ProviderRequest = {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Aborts the call; the promise rejects with the signal's reason (AbortSignal.timeout: a TimeoutError). */
  signal?: AbortSignal;
};

/** What an adapter reads of a provider's answer: status, headers and the whole body as text. */
export type ProviderResponse = {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
};

export type ProviderFetch = (url: string, init: ProviderRequest) => Promise<ProviderResponse>;

/*
 * Kept-alive connections, as fetch keeps them; free sockets close after 4 s, before the usual
 * 5 s of servers, so a request does not go out on a socket the provider is closing.
 */
const AGENT_OPTIONS = { keepAlive: true, timeout: 4_000, scheduling: 'lifo' as const };
const httpAgent = new HttpAgent(AGENT_OPTIONS);
const httpsAgent = new HttpsAgent(AGENT_OPTIONS);

/**
 * One call to a provider's API over node:http, for the sends every conversation turn makes: a
 * quarter of the CPU of `fetch` per call (WHATWG streams and request cloning cost more than the
 * call itself). Answers small bodies read whole. Fails as fetch does, a TypeError whose cause is
 * the socket's error, so the adapters' messages name the cause the same way. No redirects: a
 * provider API does not send any.
 */
export const providerFetch: ProviderFetch = (url, { method, headers = {}, body, signal }) => new Promise((resolve, reject) => {
  if (signal?.aborted) return reject(signal.reason);
  let target: URL;
  try {
    target = new URL(url);
  } catch (error) {
    // The error, not its message: the message repeats the URL, which may hold a token.
    return reject(new TypeError('fetch failed', { cause: error }));
  }
  const secure = target.protocol === 'https:';
  const outgoing = { ...headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) };
  const request = (secure ? httpsRequest : httpRequest)(target, { method, headers: outgoing, agent: secure ? httpsAgent : httpAgent }, (response) => {
    readWhole(response).then((text) => {
      signal?.removeEventListener('abort', abort);
      resolve(answer(response.statusCode ?? 0, response.headers, text));
    }, fail);
  });
  function fail(error: unknown): void {
    signal?.removeEventListener('abort', abort);
    reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
  }
  function abort(): void {
    request.destroy();
    reject(signal!.reason);
  }
  signal?.addEventListener('abort', abort, { once: true });
  request.on('error', fail);
  request.end(body);
});

function readWhole(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('error', reject);
  });
}

function answer(status: number, headers: IncomingHttpHeaders, text: string): ProviderResponse {
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: {
      get(name) {
        const value = headers[name.toLowerCase()];
        if (value === undefined) return null;
        return Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: () => Promise.resolve(text),
  };
}
