/** What the benches read from the Fluxo API's answers; a caller that needs more names it. */
export type ApiJson = Record<string, unknown> & { id?: string; accessToken?: string };

/** The benches set up through the public API, as a user would; any status from 300 up is a setup error, not a figure. */
export async function api<T = ApiJson>(baseUrl: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
