import { ERROR_PORT, resolvePorts, runNode } from '@fluxo/node-sdk';
import { httpResponse } from './http-response.node';

describe('fluxo.httpResponse', () => {
  it('declares the out and error ports', () => {
    expect(resolvePorts(httpResponse, httpResponse.config.parse({})).map((p) => p.id)).toEqual(['out', ERROR_PORT.id]);
  });

  it('answers 200 with an empty object by default', async () => {
    const run = await runNode(httpResponse, { config: {} });
    expect(run.httpResponse).toEqual({ status: 200, body: {} });
    expect(run.port).toBe('out');
    expect(run.outputs).toEqual({ status: 200 });
  });

  it('renders the body and sends it as parsed JSON, with status and headers', async () => {
    const run = await runNode(httpResponse, {
      config: {
        status: 201,
        body: '{"ok": true, "name": {{ vars.name | json }}, "total": {{ vars.total }}, "nested": {"a": {"b": 1}}}',
        headers: { 'X-Request-Id': '{{ vars.id }}' },
      },
      vars: { name: 'Ana "Aninha" Souza', total: 12.5, id: 'r-1' },
    });
    expect(run.error).toBeUndefined();
    expect(run.httpResponse).toEqual({
      status: 201,
      headers: { 'X-Request-Id': 'r-1' },
      body: { ok: true, name: 'Ana "Aninha" Souza', total: 12.5, nested: { a: { b: 1 } } },
    });
  });

  it('accepts any JSON value as the body', async () => {
    expect((await runNode(httpResponse, { config: { body: '[1, "dois"]' } })).httpResponse?.body).toEqual([1, 'dois']);
    expect((await runNode(httpResponse, { config: { body: '"texto"' } })).httpResponse?.body).toBe('texto');
  });

  it.each([
    ['{"name": {{ vars.name }}}', { name: 'Ana' }],
    ['{"ok": true,}', {}],
    ['', {}],
    ['not json', {}],
  ])('refuses the body %j as a config error pointing at the json filter, answering nothing', async (body, vars) => {
    const run = await runNode(httpResponse, { config: { body }, vars });
    expect(run.error?.kind).toBe('config');
    expect(run.error?.code).toBe('RESPONSE_BODY_INVALID');
    expect(run.error?.message).toMatch(/json filter/);
    expect(run.httpResponse).toBeUndefined();
  });

  it('refuses a header value that a template filled with a line break', async () => {
    const run = await runNode(httpResponse, { config: { headers: { 'X-Name': '{{ vars.name }}' } }, vars: { name: 'a\r\nSet-Cookie: x=1' } });
    expect(run.error?.code).toBe('RESPONSE_HEADER_INVALID');
    expect(run.httpResponse).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['status 99', { status: 99 }],
    ['status 600', { status: 600 }],
    ['a fractional status', { status: 200.5 }],
    ['a status as text', { status: '200' }],
    ['a header name with a space', { headers: { 'X Name': 'a' } }],
    ['a header value that is not text', { headers: { 'X-Name': 1 } }],
  ])('refuses a config with %s', async (_name, config) => {
    expect((await runNode(httpResponse, { config: config as never })).error?.kind).toBe('config');
  });

  it.each([100, 204, 599])('accepts status %d', (status) => {
    expect(httpResponse.config.safeParse({ status }).success).toBe(true);
  });
});
