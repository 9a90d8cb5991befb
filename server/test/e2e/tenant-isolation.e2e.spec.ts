import { buttonsBot, insertFlow } from '../factories/flow-factory';
import { useTestApp } from '../support/test-app';

/** Bodies that pass validation, so that each route gets as far as looking the resource up. */
const BODIES: Record<string, unknown> = {
  'PUT /api/flows/{id}': { name: 'Outro nome' },
  'POST /api/flows/{id}/publish': { changelog: 'x' },
  'POST /api/flows/{id}/simulations': { source: 'published' },
  'POST /api/simulations/{id}/messages': { text: 'oi' },
};

/** Routes keyed by a name the caller chooses: writing one creates the caller's own, it never reaches another tenant's. */
const OWN_NAMESPACE = new Set(['PUT /api/secrets/{name}']);

describe("another tenant's data answers 404 on every route (Postgres)", () => {
  const t = useTestApp();

  it('walks every route of the OpenAPI document that takes an id', async () => {
    const owner = await t.client.signup();
    const stranger = await t.client.signup();
    const flowId = await insertFlow(t.database.dataSource, owner.tenantId, buttonsBot());
    const { body: sim } = await t.client.request('POST', `/api/flows/${flowId}/simulations`, { token: owner.token, body: { source: 'published' } });
    await t.client.request('POST', `/api/simulations/${sim.simulationId}/messages`, { token: owner.token, body: { text: 'oi' } });
    const { body: key } = await t.client.request('POST', '/api/api-keys', { token: owner.token, body: { name: 'k' } });
    await t.client.request('PUT', '/api/secrets/crm-token', { token: owner.token, body: { value: 'v' } });
    const ids: Record<string, string> = {
      '/api/flows': flowId, '/api/simulations': sim.simulationId, '/api/conversations': sim.simulationId, '/api/api-keys': key.id,
    };

    const { body: docs } = await t.client.request('GET', '/api/docs-json');
    const walked: string[] = [];
    for (const [path, operations] of Object.entries(docs.paths as Record<string, Record<string, unknown>>)) {
      if (!path.includes('{') || path.startsWith('/hooks')) continue;
      for (const method of Object.keys(operations).map((m) => m.toUpperCase())) {
        const route = `${method} ${path}`;
        if (OWN_NAMESPACE.has(route)) continue;
        const prefix = Object.keys(ids).find((p) => path.startsWith(`${p}/`));
        const url = path.replace('{id}', prefix ? ids[prefix]! : 'missing').replace('{version}', '1').replace('{name}', 'crm-token');
        const response = await t.client.request(method, url, { token: stranger.token, body: BODIES[route] ?? (method === 'GET' || method === 'DELETE' ? undefined : {}), headers: { 'if-match': '"1"' } });
        walked.push(`${route} → ${response.status}`);
      }
    }
    expect(walked.length).toBeGreaterThanOrEqual(15);
    expect(walked.filter((line) => !line.endsWith('→ 404'))).toEqual([]);
    // And the owner still sees everything intact.
    expect((await t.client.request('GET', `/api/flows/${flowId}`, { token: owner.token })).status).toBe(200);
    expect((await t.client.request('GET', '/api/secrets', { token: owner.token })).body).toHaveLength(1);
    expect((await t.client.request('GET', '/api/secrets', { token: stranger.token })).body).toEqual([]);
  });
});
