import { ApiError, apiErrorFromBody } from '../shared/api/ApiError';
import type { ApiClient, RequestOptions } from '../shared/api';

/** What a fake route answers: a status (200 by default), a JSON body and headers. */
export type FakeReply = { status?: number; body?: unknown; headers?: Record<string, string> };

export type FakeRequest = { method: string; path: string; params: Record<string, string>; body: unknown; headers: Record<string, string> };

type Handler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

export type FakeApiClient = ApiClient & { calls: FakeRequest[] };

/**
 * An in-memory server for component tests: routes as `'PUT /api/flows/:id'` → handler. An error
 * status becomes the same ApiError the real client throws; a route nobody declared fails the test.
 */
export function fakeApiClient(routes: Record<string, Handler>): FakeApiClient {
  const table = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(' ') as [string, string];
    const names: string[] = [];
    const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_m, name: string) => (names.push(name), '([^/]+)'))}$`);
    return { method, regex, names, handler };
  });
  const calls: FakeRequest[] = [];

  async function request<T>(method: string, path: string, options: RequestOptions = {}) {
    for (const route of table) {
      const match = route.method === method ? route.regex.exec(path) : null;
      if (!match) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
      const call: FakeRequest = { method, path, params, body: options.body, headers: options.headers ?? {} };
      calls.push(call);
      const reply = await route.handler(call);
      const status = reply.status ?? 200;
      if (status >= 400) throw apiErrorFromBody(status, reply.body) ?? new ApiError(status, `HTTP_${status}`, 'error');
      const headers = new Map(Object.entries(reply.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
      return { data: reply.body as T, headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null } };
    }
    throw new Error(`fakeApiClient: no route for ${method} ${path}`);
  }

  return { request, calls };
}

/** The server's error body. */
export const errorReply = (status: number, code: string, message = code, details: Record<string, unknown> = {}): FakeReply => ({
  status,
  body: { error: { code, message, ...details } },
});
