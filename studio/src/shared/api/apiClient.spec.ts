import { ApiError } from './ApiError';
import { createApiClient } from './apiClient';
import type { FetchLike, ResponseLike, TokenStore, Tokens } from './apiClient';

type Call = { url: string; method: string; headers: Record<string, string>; body: unknown };
type Reply = { status: number; body?: unknown; text?: string; headers?: Record<string, string> };

/** A fake `fetch`: answers from a list of replies (or a function) and records every request. */
function fakeFetch(answer: (call: Call, index: number) => Reply | Promise<Reply>) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    const call: Call = {
      url,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const reply = await answer(call, calls.length - 1);
    const headers = new Map(Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const response: ResponseLike = {
      status: reply.status,
      statusText: reply.status >= 500 ? 'Bad Gateway' : 'OK',
      headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
      text: async () => reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)),
    };
    return response;
  };
  return { fetch, calls };
}

/** A token store in a variable, like the session store but without React. */
function memoryTokens(initial: Tokens | null) {
  let tokens = initial;
  const events: string[] = [];
  const store: TokenStore = {
    get: () => tokens,
    refreshed: (session) => {
      const { accessToken, refreshToken } = session as Tokens;
      tokens = { accessToken, refreshToken };
      events.push('refreshed');
    },
    expired: () => {
      tokens = null;
      events.push('expired');
    },
  };
  return { store, events, current: () => tokens };
}

const expiredReply: Reply = { status: 401, body: { error: { code: 'TOKEN_EXPIRED', message: 'The access token expired.' } } };
const session = (n: number) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, user: {}, tenant: {} });

describe('createApiClient', () => {
  it('sends JSON with the Bearer token and returns the parsed body and headers', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 201, body: { id: 'f1' }, headers: { ETag: '"1"' } }));
    const client = createApiClient({ fetch, tokens: memoryTokens({ accessToken: 'a1', refreshToken: 'r1' }).store });

    const response = await client.request<{ id: string }>('POST', '/api/flows', { body: { name: 'Menu' }, headers: { 'If-Match': '"3"' } });

    expect(response.data).toEqual({ id: 'f1' });
    expect(response.headers.get('etag')).toBe('"1"');
    expect(calls).toEqual([
      {
        url: '/api/flows',
        method: 'POST',
        body: { name: 'Menu' },
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: 'Bearer a1', 'If-Match': '"3"' },
      },
    ]);
  });

  it('answers undefined for a 204', async () => {
    const { fetch } = fakeFetch(() => ({ status: 204 }));
    const client = createApiClient({ fetch, tokens: memoryTokens({ accessToken: 'a1', refreshToken: 'r1' }).store });
    await expect(client.request('DELETE', '/api/flows/f1')).resolves.toMatchObject({ data: undefined });
  });

  it("turns the server's error body into an ApiError with status, code, message and details", async () => {
    const problems = [{ field: 'graph', message: 'Required' }];
    const { fetch } = fakeFetch(() => ({ status: 400, body: { error: { code: 'INVALID_FLOW_FILE', message: 'Not a flow file', problems } } }));
    const client = createApiClient({ fetch, tokens: memoryTokens(null).store });

    const error = await client.request('POST', '/api/flows/import', { body: {} }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'INVALID_FLOW_FILE', message: 'Not a flow file', details: { problems } });
  });

  it.each([
    [{ status: 502, text: '<html>Bad Gateway</html>' }, { status: 502, code: 'INTERNAL' }],
    [{ status: 404, text: '' }, { status: 404, code: 'HTTP_404' }],
  ])('gives an error without the server body a code of its own (%o)', async (reply, expected) => {
    const { fetch } = fakeFetch(() => reply);
    const client = createApiClient({ fetch, tokens: memoryTokens(null).store });
    await expect(client.request('GET', '/api/flows')).rejects.toMatchObject(expected);
  });

  it('reports a failed connection as NETWORK_ERROR with status 0', async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    const client = createApiClient({ fetch, tokens: memoryTokens(null).store });
    await expect(client.request('GET', '/api/flows')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('renews an expired access token once, then retries the request with the new one', async () => {
    const { fetch, calls } = fakeFetch((call) => {
      if (call.url === '/api/auth/refresh') return { status: 200, body: session(2) };
      return call.headers.Authorization === 'Bearer access-1' ? expiredReply : { status: 200, body: ['flow'] };
    });
    const tokens = memoryTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const client = createApiClient({ fetch, tokens: tokens.store });

    await expect(client.request('GET', '/api/flows')).resolves.toMatchObject({ data: ['flow'] });

    expect(calls.map((c) => `${c.method} ${c.url} ${c.headers.Authorization ?? '-'}`)).toEqual([
      'GET /api/flows Bearer access-1',
      'POST /api/auth/refresh -',
      'GET /api/flows Bearer access-2',
    ]);
    expect(calls[1]!.body).toEqual({ refreshToken: 'refresh-1' });
    expect(tokens.current()).toEqual({ accessToken: 'access-2', refreshToken: 'refresh-2' });
  });

  it('retries only once: a second TOKEN_EXPIRED ends the session instead of looping', async () => {
    const { fetch, calls } = fakeFetch((call) => (call.url === '/api/auth/refresh' ? { status: 200, body: session(2) } : expiredReply));
    const tokens = memoryTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const client = createApiClient({ fetch, tokens: tokens.store });

    await expect(client.request('GET', '/api/flows')).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(calls).toHaveLength(3);
    expect(tokens.events).toEqual(['refreshed', 'expired']);
  });

  it('shares one refresh between requests that expire together (the server rotates refresh tokens)', async () => {
    const { fetch, calls } = fakeFetch((call) => {
      if (call.url === '/api/auth/refresh') return { status: 200, body: session(2) };
      return call.headers.Authorization === 'Bearer access-1' ? expiredReply : { status: 200, body: call.url };
    });
    const client = createApiClient({ fetch, tokens: memoryTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' }).store });

    const answers = await Promise.all([client.request('GET', '/api/flows'), client.request('GET', '/api/flows/f1')]);

    expect(answers.map((a) => a.data)).toEqual(['/api/flows', '/api/flows/f1']);
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
  });

  it('ends the session when the refresh token is refused, and throws the original error', async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.url === '/api/auth/refresh' ? { status: 401, body: { error: { code: 'REFRESH_TOKEN_INVALID', message: 'used' } } } : expiredReply,
    );
    const tokens = memoryTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const client = createApiClient({ fetch, tokens: tokens.store });

    await expect(client.request('GET', '/api/flows')).rejects.toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
    expect(tokens.events).toEqual(['expired']);
    expect(calls).toHaveLength(2);
  });

  it('keeps the session when the refresh fails for a reason of the server (5xx)', async () => {
    const { fetch } = fakeFetch((call) => (call.url === '/api/auth/refresh' ? { status: 503, text: '' } : expiredReply));
    const tokens = memoryTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const client = createApiClient({ fetch, tokens: tokens.store });

    await expect(client.request('GET', '/api/flows')).rejects.toMatchObject({ status: 503 });
    expect(tokens.events).toEqual([]);
  });

  it('ends the session on any other 401 of an authenticated request (e.g. an invalid token)', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 401, body: { error: { code: 'TOKEN_INVALID', message: 'invalid' } } }));
    const tokens = memoryTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const client = createApiClient({ fetch, tokens: tokens.store });

    await expect(client.request('GET', '/api/flows')).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    expect(tokens.events).toEqual(['expired']);
    expect(calls).toHaveLength(1);
  });

  it('sends public requests without a token, where a 401 is just an answer', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS', message: 'wrong' } } }));
    const tokens = memoryTokens({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    const client = createApiClient({ fetch, tokens: tokens.store });

    await expect(client.request('POST', '/api/auth/login', { body: {}, auth: false })).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(calls[0]!.headers.Authorization).toBeUndefined();
    expect(tokens.events).toEqual([]);
  });
});
