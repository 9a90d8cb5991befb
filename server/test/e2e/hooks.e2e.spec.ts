import { graphOf, insertFlow, leadWebhook } from '../factories/flow-factory';
import { useTestApp } from '../support/test-app';

describe('HTTP triggers (Postgres)', () => {
  const t = useTestApp();

  it('runs the published flow for the conversation its key names and answers with its response node', async () => {
    const owner = await t.client.signup();
    await insertFlow(t.database.dataSource, owner.tenantId, leadWebhook());
    const hot = await t.client.request('POST', `/hooks/${owner.tenantId}/leads`, { body: { from: '5511999990000', value: 5000 } });
    expect(hot.status).toBe(201);
    expect(hot.body).toEqual({ lead: '5511999990000', tier: 'hot', calls: 1 });
    const again = await t.client.request('POST', `/hooks/${owner.tenantId}/leads`, { body: { from: '5511999990000', value: 10 } });
    expect(again.body).toEqual({ lead: '5511999990000', tier: 'cold', calls: 2 });
    const [{ count }] = await t.database.dataSource.query(`SELECT count(*)::int AS count FROM conversations WHERE tenant_id = $1 AND channel = 'http'`, [owner.tenantId]);
    expect(count).toBe(1);
  });

  it('checks the shared secret header against the tenant secret, which the API never returns', async () => {
    const owner = await t.client.signup();
    await insertFlow(t.database.dataSource, owner.tenantId, leadWebhook({ secretName: 'crm-hook' }));
    const saved = await t.client.request('PUT', '/api/secrets/crm-hook', { token: owner.token, body: { value: 's3cr3t-value' } });
    expect(saved.status).toBe(200);
    const listed = await t.client.request('GET', '/api/secrets', { token: owner.token });
    expect(listed.body).toEqual([{ name: 'crm-hook', updatedAt: expect.any(String) }]);
    expect(JSON.stringify(listed.body)).not.toContain('s3cr3t');
    const [row] = await t.database.dataSource.query(`SELECT sealed_value FROM tenant_secrets WHERE tenant_id = $1`, [owner.tenantId]);
    expect(row.sealed_value).not.toContain('s3cr3t');

    const denied = await t.client.request('POST', `/hooks/${owner.tenantId}/leads`, { body: { from: 'x', value: 1 }, headers: { 'x-fluxo-secret': 'wrong' } });
    expect(denied.status).toBe(401);
    const allowed = await t.client.request('POST', `/hooks/${owner.tenantId}/leads`, { body: { from: 'x', value: 1 }, headers: { 'x-fluxo-secret': 's3cr3t-value' } });
    expect(allowed.status).toBe(200);
  });

  it('answers 202 when the flow has no response node, and 404 for unknown paths or tenants', async () => {
    const owner = await t.client.signup();
    await insertFlow(t.database.dataSource, owner.tenantId, graphOf(
      [['hook', 'fluxo.httpTrigger', { method: 'POST', path: 'ping', conversationKey: '{{ body.id }}' }], ['end', 'fluxo.end']], ['hook>end']));
    const accepted = await t.client.request('POST', `/hooks/${owner.tenantId}/ping`, { body: { id: 'a1' } });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ accepted: true });
    expect((await t.client.request('POST', `/hooks/${owner.tenantId}/nope`, { body: {} })).status).toBe(404);
    expect((await t.client.request('GET', `/hooks/${owner.tenantId}/ping`)).status).toBe(404);
    expect((await t.client.request('POST', `/hooks/00000000-0000-4000-8000-000000000000/ping`, { body: { id: 'a1' } })).status).toBe(404);
    expect((await t.client.request('POST', `/hooks/not-a-uuid/ping`, { body: { id: 'a1' } })).status).toBe(404);
  });

  it("does not run another tenant's flow", async () => {
    const owner = await t.client.signup();
    const stranger = await t.client.signup();
    await insertFlow(t.database.dataSource, owner.tenantId, leadWebhook());
    expect((await t.client.request('POST', `/hooks/${stranger.tenantId}/leads`, { body: { from: 'x', value: 1 } })).status).toBe(404);
  });
});
