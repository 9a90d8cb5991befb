import { createTemplateRenderer, fakeSecrets, resolvePorts, runNode } from '@fluxo/node-sdk';
import type { HttpTriggerRequest } from '@fluxo/node-sdk';
import { constantTimeEqual } from './constant-time';
import { httpTrigger, matchHttpTrigger } from './http-trigger.node';

const renderer = createTemplateRenderer({ timeZone: 'UTC' });

function request(overrides: Partial<HttpTriggerRequest> = {}): HttpTriggerRequest {
  return { method: 'POST', path: '/orders/new', headers: { 'content-type': 'application/json' }, query: {}, body: { from: '5511999990001', total: 10 }, ...overrides };
}

function match(config: Record<string, unknown>, req: HttpTriggerRequest = request(), secrets: Record<string, string> = { hook: 's3cr3t-value' }) {
  return matchHttpTrigger({
    config: httpTrigger.config.parse({ path: 'orders/new', ...config }),
    request: req,
    secrets: fakeSecrets(secrets),
    render: (template, scope) => renderer.render(template, scope),
  });
}

describe('fluxo.httpTrigger', () => {
  it('declares the out port, keeps the conversation key raw and is an HTTP trigger', async () => {
    expect(resolvePorts(httpTrigger, httpTrigger.config.parse({ path: 'a' })).map((p) => p.id)).toEqual(['out']);
    expect(httpTrigger.rawConfigKeys).toEqual(['conversationKey']);
    expect(httpTrigger.trigger?.on).toBe('http');
    const run = await runNode(httpTrigger, { config: { path: 'a', conversationKey: '{{ body.phone }}' } });
    expect(run.port).toBe('out');
    expect(run.config).toMatchObject({ conversationKey: '{{ body.phone }}' });
  });

  it('matches its method and path, with the request as outputs and the rendered conversation key', async () => {
    await expect(match({})).resolves.toEqual({
      priority: 0,
      specificity: 1,
      conversationKey: '5511999990001',
      outputs: { body: { from: '5511999990001', total: 10 }, query: {}, headers: { 'content-type': 'application/json' }, method: 'POST', path: 'orders/new' },
    });
  });

  it('offers the match through the definition', async () => {
    const spec = httpTrigger.trigger;
    if (spec?.on !== 'http') throw new Error('not an HTTP trigger');
    const found = await spec.match({ config: httpTrigger.config.parse({ path: 'orders/new' }), request: request(), secrets: fakeSecrets({}), render: (t, s) => renderer.render(t, s) });
    expect(found).toMatchObject({ conversationKey: '5511999990001' });
  });

  it.each(['/orders/new', 'orders/new', '/orders/new/', 'ORDERS/New', '  /orders/new//'])('matches the path %j', async (path) => {
    await expect(match({}, request({ path }))).resolves.toMatchObject({ specificity: 1 });
  });

  it.each(['/orders', '/orders/new/extra', '/orders-new', '/other/new'])('ignores the path %j', async (path) => {
    await expect(match({}, request({ path }))).resolves.toBeNull();
  });

  it.each([
    ['GET', 'POST', false],
    ['post', 'POST', true],
    ['PUT', 'PUT', true],
    ['DELETE', 'PATCH', false],
  ])('a %s call to a %s trigger matches: %s', async (sent, configured, matches) => {
    const found = await match({ method: configured }, request({ method: sent }));
    expect(found === null).toBe(!matches);
  });

  it('defaults to POST', () => {
    expect(httpTrigger.config.parse({ path: 'a' })).toMatchObject({ method: 'POST', conversationKey: '{{ body.from }}' });
  });

  describe('with a secret', () => {
    it('accepts the right secret in the default header and hides it from the outputs', async () => {
      const found = await match({ secretName: 'hook' }, request({ headers: { 'x-fluxo-secret': 's3cr3t-value', 'x-other': '1' } }));
      expect(found).toMatchObject({ outputs: { headers: { 'x-other': '1' } } });
      expect(JSON.stringify(found)).not.toContain('s3cr3t-value');
    });

    it('uses the configured header, whatever the case of its name', async () => {
      const found = await match({ secretName: 'hook', secretHeader: 'X-Api-Key' }, request({ headers: { 'X-API-KEY': 's3cr3t-value' } }));
      expect(found).toMatchObject({ outputs: { headers: {} } });
    });

    it.each<[string, Record<string, string>]>([
      ['a wrong secret', { 'x-fluxo-secret': 's3cr3t-valuE' }],
      ['a longer secret', { 'x-fluxo-secret': 's3cr3t-value!' }],
      ['an empty header', { 'x-fluxo-secret': '' }],
      ['no header', {}],
      ['the secret in another header', { 'x-api-key': 's3cr3t-value' }],
    ])('refuses %s', async (_name, headers) => {
      await expect(match({ secretName: 'hook' }, request({ headers }))).resolves.toBe('unauthorized');
    });

    it('refuses every call while the tenant has not set the secret, or set it empty', async () => {
      const headers = { 'x-fluxo-secret': 'anything' };
      await expect(match({ secretName: 'hook' }, request({ headers }), {})).resolves.toBe('unauthorized');
      await expect(match({ secretName: 'hook' }, request({ headers: { 'x-fluxo-secret': '' } }), { hook: '' })).resolves.toBe('unauthorized');
    });

    it('checks method and path before the secret', async () => {
      await expect(match({ secretName: 'hook' }, request({ path: '/other', headers: {} }))).resolves.toBeNull();
    });
  });

  describe('conversation key', () => {
    it.each<[string, Partial<HttpTriggerRequest>, string]>([
      ['{{ query.phone }}', { query: { phone: '5521988887777' } }, '5521988887777'],
      ['pedido-{{ body.order.id }}', { body: { order: { id: 42 } } }, 'pedido-42'],
      ['{{ headers.x-customer }}', { headers: { 'X-Customer': 'c-9' } }, 'c-9'],
      ['{{ method }}:{{ path }}', {}, 'POST:orders/new'],
    ])('renders %j against the request', async (conversationKey, overrides, expected) => {
      await expect(match({ conversationKey }, request(overrides))).resolves.toMatchObject({ conversationKey: expected });
    });

    it('does not start anything when the key renders empty (the call cannot be routed)', async () => {
      await expect(match({}, request({ body: { other: 1 } }))).resolves.toBeNull();
      await expect(match({ conversationKey: ' {{ body.from }} ' }, request({ body: { from: '  ' } }))).resolves.toBeNull();
    });

    it('cannot read the secret header', async () => {
      const found = await match({ secretName: 'hook', conversationKey: 'k{{ headers.x-fluxo-secret }}' }, request({ headers: { 'x-fluxo-secret': 's3cr3t-value' } }));
      expect(found).toMatchObject({ conversationKey: 'k' });
    });
  });

  it('copies the body as plain JSON', async () => {
    const body = { at: new Date('2026-05-13T12:00:00Z'), skip: undefined, from: 'x', list: [1, undefined] };
    const found = await match({}, request({ body }));
    expect(found).toMatchObject({ outputs: { body: { at: '2026-05-13T12:00:00.000Z', from: 'x', list: [1, null] } } });
    const cyclic: Record<string, unknown> = { from: 'x' };
    cyclic.self = cyclic;
    await expect(match({ conversationKey: 'fixed-{{ method }}' }, request({ body: cyclic }))).resolves.toMatchObject({ outputs: { body: null } });
    await expect(match({ conversationKey: 'fixed-{{ method }}' }, request({ method: 'POST', body: undefined }))).resolves.toMatchObject({ outputs: { body: null } });
  });

  it.each<[string, Record<string, unknown>]>([
    ['no path', {}],
    ['a leading slash', { path: '/orders' }],
    ['uppercase letters', { path: 'Orders' }],
    ['an empty segment', { path: 'orders//new' }],
    ['a space', { path: 'orders new' }],
    ['a 201-character path', { path: 'a'.repeat(201) }],
    ['an unknown method', { path: 'a', method: 'HEAD' }],
    ['a key that is not a template', { path: 'a', conversationKey: 'fixed' }],
    ['a secret header without a secret', { path: 'a', secretHeader: 'x-key' }],
    ['a header name with a space', { path: 'a', secretName: 'hook', secretHeader: 'x key' }],
  ])('refuses a config with %s', async (_name, config) => {
    expect((await runNode(httpTrigger, { config: config as never })).error?.kind).toBe('config');
  });

  it('accepts a 200-character path', () => {
    expect(httpTrigger.config.safeParse({ path: 'a'.repeat(200) }).success).toBe(true);
  });
});

describe('constantTimeEqual', () => {
  it.each([
    ['', '', true],
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'ab', false],
    ['ab', 'abc', false],
    ['', 'a', false],
    ['ação', 'ação', true],
    ['ação', 'acao', false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(constantTimeEqual(a, b)).toBe(expected);
  });
});
