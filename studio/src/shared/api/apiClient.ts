import { ApiError, apiErrorFromBody } from './ApiError';

/** The part of `Response` the client reads, so that a test can hand it a plain object. */
export type ResponseLike = {
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
};

export type FetchLike = (url: string, init: RequestInit) => Promise<ResponseLike>;

export type Tokens = { accessToken: string; refreshToken: string };

/** Where the client keeps the session's tokens (the session store in the app, a variable in tests). */
export interface TokenStore {
  get(): Tokens | null;
  /** A refresh succeeded: the whole new session body (tokens, user, tenant). */
  refreshed(session: unknown): void;
  /** The session cannot be renewed; the app logs out. */
  expired(): void;
}

export type RequestOptions = {
  body?: unknown;
  headers?: Record<string, string>;
  /** `false` for the public auth routes: no Authorization header, and a 401 there is a plain answer. */
  auth?: boolean;
  signal?: AbortSignal;
};

export type ApiResponse<T> = { data: T; headers: ResponseLike['headers'] };

export type ApiClient = {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
};

const REFRESH_PATH = '/api/auth/refresh';

/**
 * JSON over `fetch` with the session's Bearer token. Paths are relative (`/api/...`): the studio
 * is served by the API's own origin (the Vite dev server proxies to it). An expired access token
 * is renewed once per request with the refresh token, then the request is retried; concurrent
 * requests share one refresh, because the server rotates refresh tokens and a second refresh
 * with the same token would fail and end the session.
 */
export function createApiClient(deps: { fetch?: FetchLike; tokens: TokenStore }): ApiClient {
  const doFetch: FetchLike = deps.fetch ?? ((url, init) => globalThis.fetch(url, init));
  let refreshing: Promise<boolean> | null = null;

  async function send(method: string, path: string, options: RequestOptions, accessToken: string | undefined): Promise<ResponseLike> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    const init: RequestInit = { method, headers };
    if (options.body !== undefined) init.body = JSON.stringify(options.body);
    if (options.signal) init.signal = options.signal;
    try {
      return await doFetch(path, init);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : 'The network request failed.');
    }
  }

  function refreshOnce(): Promise<boolean> {
    refreshing ??= renewTokens().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function renewTokens(): Promise<boolean> {
    const refreshToken = deps.tokens.get()?.refreshToken;
    if (!refreshToken) return false;
    const response = await send('POST', REFRESH_PATH, { body: { refreshToken } }, undefined);
    if (response.status === 200) {
      deps.tokens.refreshed(await readBody(response));
      return true;
    }
    // Refused (used, revoked, expired or malformed): the session is over. Anything else (a 5xx)
    // is not the session's fault, so the caller sees the error and stays logged in.
    if (response.status === 401 || response.status === 400) return false;
    throw await toApiError(response);
  }

  async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const useAuth = options.auth !== false;
    const sentToken = useAuth ? deps.tokens.get()?.accessToken : undefined;
    let response = await send(method, path, options, sentToken);
    if (useAuth && sentToken && response.status === 401) {
      const error = await toApiError(response);
      if (error.code !== 'TOKEN_EXPIRED') {
        deps.tokens.expired();
        throw error;
      }
      // Another request may have renewed the tokens while this one was in flight: use them as they are.
      const current = deps.tokens.get()?.accessToken;
      const renewed = current !== undefined && current !== sentToken ? true : await refreshOnce();
      const token = deps.tokens.get()?.accessToken;
      if (!renewed || !token) {
        deps.tokens.expired();
        throw error;
      }
      response = await send(method, path, options, token);
      if (response.status === 401) deps.tokens.expired();
    }
    if (response.status >= 400) throw await toApiError(response);
    return { data: (await readBody(response)) as T, headers: response.headers };
  }

  return { request };
}

async function readBody(response: ResponseLike): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function toApiError(response: ResponseLike): Promise<ApiError> {
  const body = await readBody(response).catch(() => undefined);
  return (
    apiErrorFromBody(response.status, body) ??
    new ApiError(response.status, response.status >= 500 ? 'INTERNAL' : `HTTP_${response.status}`, response.statusText || `HTTP ${response.status}`)
  );
}
