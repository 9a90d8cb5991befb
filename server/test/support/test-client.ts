import { randomBytes } from 'node:crypto';

export type TestResponse<T = any> = { status: number; body: T; headers: Headers };

/** A small HTTP client over fetch for API tests, with a signup helper standing in for a tenant factory. */
export class TestClient {
  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    } else if (body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  /** A new tenant with its owner: `{ token, tenantId, userId, email, password }`. */
  async signup(overrides: Partial<{ tenantName: string; name: string; email: string; password: string }> = {}) {
    const email = overrides.email ?? `owner-${randomBytes(4).toString('hex')}@example.com`;
    const password = overrides.password ?? 'correct horse battery';
    const response = await this.request('POST', '/api/auth/signup', {
      body: { tenantName: overrides.tenantName ?? 'Clínica Sorriso', name: overrides.name ?? 'Ana', email, password },
    });
    if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${JSON.stringify(response.body)}`);
    return { token: response.body.accessToken as string, refreshToken: response.body.refreshToken as string, tenantId: response.body.tenant.id as string, userId: response.body.user.id as string, email, password };
  }
}
