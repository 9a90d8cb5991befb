import { useTestApp } from '../../support/test-app';
import { askNameGraph, conversationRow, insertConversation } from './flow-helpers';

/** The embedded database path: one walk through create, save, publish and a migrate on PGlite. */
describe('flows on PGlite', () => {
  const t = useTestApp({ database: 'pglite' });

  it('creates, saves with If-Match, publishes twice with migrate, lists versions and restores', async () => {
    const owner = await t.client.signup();
    const created = await t.client.request('POST', '/api/flows', { token: owner.token, body: { name: 'Embutido' } });
    expect(created.status).toBe(201);
    const url = `/api/flows/${created.body.id}`;

    const saved = await t.client.request('PUT', url, { token: owner.token, headers: { 'if-match': created.headers.get('etag')! }, body: { graph: askNameGraph() } });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"2"');
    expect((await t.client.request('PUT', url, { token: owner.token, headers: { 'if-match': '"1"' }, body: { name: 'x' } })).status).toBe(412);

    const first = await t.client.request('POST', `${url}/publish`, { token: owner.token, body: { changelog: 'v1' } });
    expect(first.status).toBe(201);
    const waiting = await insertConversation(t, { tenantId: owner.tenantId, flowId: created.body.id, version: 1, status: 'waiting', waitingOn: 'ask' });
    const gone = await insertConversation(t, { tenantId: owner.tenantId, flowId: created.body.id, version: 1, status: 'waiting', waitingOn: 'removed' });

    const second = await t.client.request('POST', `${url}/publish`, { token: owner.token, body: { liveConversations: 'migrate' } });
    expect(second.body).toMatchObject({ version: 2, conversations: { migrated: 1, restarted: 1 } });
    expect(await conversationRow(t, waiting)).toMatchObject({ flow_version: 2, state: expect.objectContaining({ flow: { flowId: created.body.id, version: 2 } }) });
    expect(await conversationRow(t, gone)).toMatchObject({ status: 'idle', state: null });

    const versions = await t.client.request('GET', `${url}/versions`, { token: owner.token });
    expect(versions.body.map((v: { version: number; liveConversations: number }) => [v.version, v.liveConversations])).toEqual([[2, 1], [1, 0]]);
    const restored = await t.client.request('POST', `${url}/versions/1/restore`, { token: owner.token });
    expect(restored.body).toMatchObject({ revision: 3, problems: [] });
  });
});
