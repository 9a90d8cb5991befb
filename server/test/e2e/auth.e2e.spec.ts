import { useTestApp } from '../support/test-app';

describe('auth, users and API keys (Postgres)', () => {
  const t = useTestApp();

  it('signs up a tenant and its owner, then logs in and refreshes', async () => {
    const signup = await t.client.request('POST', '/api/auth/signup', {
      body: { tenantName: 'Loja da Bia', name: 'Bia', email: 'Bia@Example.com', password: 'segredo123' },
    });
    expect(signup.status).toBe(201);
    expect(signup.body).toMatchObject({ user: { email: 'bia@example.com', role: 'owner' }, tenant: { name: 'Loja da Bia', timeZone: 'America/Sao_Paulo' } });
    expect(JSON.stringify(signup.body)).not.toMatch(/password|segredo/);

    const login = await t.client.request('POST', '/api/auth/login', { body: { email: 'bia@example.com', password: 'segredo123' } });
    expect(login.status).toBe(200);
    const me = await t.client.request('GET', '/api/users', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.map((u: { email: string }) => u.email)).toEqual(['bia@example.com']);

    const refreshed = await t.client.request('POST', '/api/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
    const reused = await t.client.request('POST', '/api/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(reused.status).toBe(401);
  });

  it('logs out: the refresh token stops working', async () => {
    const owner = await t.client.signup();
    expect((await t.client.request('POST', '/api/auth/logout', { body: { refreshToken: owner.refreshToken } })).status).toBe(204);
    expect((await t.client.request('POST', '/api/auth/refresh', { body: { refreshToken: owner.refreshToken } })).status).toBe(401);
    expect((await t.client.request('POST', '/api/auth/logout', { body: { refreshToken: owner.refreshToken } })).status).toBe(204);
  });

  it('refuses a taken e-mail (409) and bad input (400) without writing anything', async () => {
    const owner = await t.client.signup();
    const again = await t.client.request('POST', '/api/auth/signup', { body: { tenantName: 'Outra', name: 'X', email: owner.email, password: 'outrasenha1' } });
    expect(again.status).toBe(409);
    const bad = await t.client.request('POST', '/api/auth/signup', { body: { tenantName: '', name: 'X', email: 'not-an-email', password: 'short' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems.map((p: { field: string }) => p.field).sort()).toEqual(['email', 'password', 'tenantName']);
    const [{ count }] = await t.database.dataSource.query(`SELECT count(*)::int AS count FROM tenants WHERE name = 'Outra'`);
    expect(count).toBe(0);
  });

  it('answers 401 to a wrong password, then 429 after too many', async () => {
    const owner = await t.client.signup();
    for (let i = 0; i < 5; i++) {
      const wrong = await t.client.request('POST', '/api/auth/login', { body: { email: owner.email, password: 'wrong-password' } });
      expect(wrong.status).toBe(401);
    }
    const limited = await t.client.request('POST', '/api/auth/login', { body: { email: owner.email, password: owner.password } });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
  });

  it('rejects missing or forged tokens', async () => {
    expect((await t.client.request('GET', '/api/users')).status).toBe(401);
    expect((await t.client.request('GET', '/api/users', { token: 'eyJhbGciOiJIUzI1NiJ9.e30.forged' })).status).toBe(401);
  });

  it('invites members with roles, and enforces them', async () => {
    const owner = await t.client.signup();
    const invited = await t.client.request('POST', '/api/users', {
      token: owner.token, body: { email: 'viewer@example.com', name: 'Vera', role: 'viewer', password: 'vera-password' },
    });
    expect(invited.status).toBe(201);
    const viewer = await t.client.request('POST', '/api/auth/login', { body: { email: 'viewer@example.com', password: 'vera-password' } });
    const forbidden = await t.client.request('POST', '/api/users', { token: viewer.body.accessToken, body: { email: 'x@example.com', name: 'X', role: 'owner' } });
    expect(forbidden.status).toBe(403);
    const listed = await t.client.request('GET', '/api/users', { token: owner.token });
    expect(listed.body).toHaveLength(2);
  });

  it('creates an API key shown once, usable as a Bearer token, and revocable', async () => {
    const owner = await t.client.signup();
    const created = await t.client.request('POST', '/api/api-keys', { token: owner.token, body: { name: 'CRM sync', role: 'editor' } });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^flx_/);
    const listed = await t.client.request('GET', '/api/api-keys', { token: owner.token });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    expect((await t.client.request('GET', '/api/users', { token: created.body.key })).status).toBe(200);
    expect((await t.client.request('DELETE', `/api/api-keys/${created.body.id}`, { token: owner.token })).status).toBe(204);
    expect((await t.client.request('GET', '/api/users', { token: created.body.key })).status).toBe(401);
  });

  it('answers 400 to invalid JSON and 413 to a body over 1 MB', async () => {
    const invalid = await t.client.request('POST', '/api/auth/login', { rawBody: '{"email": ' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('INVALID_JSON');
    const huge = await t.client.request('POST', '/api/auth/login', { rawBody: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1_100_000) }) });
    expect(huge.status).toBe(413);
  });

  it('serves health probes and the OpenAPI document', async () => {
    expect((await t.client.request('GET', '/health/live')).body).toEqual({ status: 'ok' });
    expect((await t.client.request('GET', '/health/ready')).body).toEqual({ status: 'ok', database: 'ok' });
    const docs = await t.client.request('GET', '/api/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/auth/signup', '/api/users']));
    // Request bodies are documented from the schemas that validate them.
    const signup = docs.body.paths['/api/auth/signup'].post.requestBody.content['application/json'].schema;
    expect(signup.required).toEqual(expect.arrayContaining(['tenantName', 'name', 'email', 'password']));
  });
});
