import { graphOf } from '../../factories/flow-factory';
import { useTestApp } from '../../support/test-app';
import { askNameGraph, auditActions, insertConversation, memberToken } from './flow-helpers';

describe('flow drafts: create, read, save with If-Match, delete (Postgres)', () => {
  const t = useTestApp();

  it('creates a new flow with a message trigger connected to a welcome message, publishable as is', async () => {
    const owner = await t.client.signup();
    const created = await t.client.request('POST', '/api/flows', { token: owner.token, body: { name: 'Atendimento' } });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      name: 'Atendimento', revision: 1, publishedVersion: null, problems: [],
      settings: { debounceMs: 0, sessionTimeoutMinutes: 1440 },
      updatedBy: { id: owner.userId, name: 'Ana' },
    });
    const { nodes, edges } = created.body.graph;
    expect(nodes.map((n: { type: string; config: unknown }) => [n.type, n.config])).toEqual([
      ['fluxo.messageTrigger', { mode: 'any' }],
      ['fluxo.sendMessage', { kind: 'text', text: expect.stringContaining('Olá') }],
    ]);
    expect(edges).toEqual([{ id: expect.any(String), source: nodes[0].id, sourcePort: 'out', target: nodes[1].id }]);

    const fetched = await t.client.request('GET', `/api/flows/${created.body.id}`, { token: owner.token });
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('etag')).toBe('"1"');
    expect(fetched.body.graph).toEqual(created.body.graph);

    const listed = await t.client.request('GET', '/api/flows', { token: owner.token });
    expect(listed.body).toEqual([{
      id: created.body.id, name: 'Atendimento', revision: 1, publishedVersion: null, liveConversations: 0,
      createdAt: created.body.createdAt, updatedAt: created.body.updatedAt,
    }]);
  });

  it('saves an incomplete draft with warnings, but refuses a graph of the wrong shape (400) and bad settings (400)', async () => {
    const owner = await t.client.signup();
    const draft = graphOf([['start', 'fluxo.messageTrigger'], ['x', 'acme.nope'], ['say', 'fluxo.sendMessage', { kind: 'text' }]], ['start>x']);
    const created = await t.client.request('POST', '/api/flows', { token: owner.token, body: { name: 'Rascunho', graph: draft } });
    expect(created.status).toBe(201);
    expect(created.body.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'UNKNOWN_NODE_TYPE', nodeId: 'x', severity: 'warning' }),
      expect.objectContaining({ code: 'INVALID_CONFIG', nodeId: 'say', path: 'text', severity: 'warning' }),
    ]));

    const validation = await t.client.request('GET', `/api/flows/${created.body.id}/validation`, { token: owner.token });
    expect(validation.status).toBe(200);
    expect(validation.body).toMatchObject({ mode: 'publish', publishable: false });
    expect(validation.body.problems.every((p: { severity: string }) => p.severity === 'error')).toBe(true);
    expect(Object.keys(validation.body.byNode).sort()).toEqual(['say', 'x']);
    const asSaved = await t.client.request('GET', `/api/flows/${created.body.id}/validation?mode=save`, { token: owner.token });
    expect(asSaved.body.problems.every((p: { severity: string }) => p.severity === 'warning')).toBe(true);

    const malformed = await t.client.request('POST', '/api/flows', { token: owner.token, body: { name: 'X', graph: { schemaVersion: 1, nodes: [{ id: 'a' }], edges: [] } } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.problems.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['graph.nodes.0.type', 'graph.nodes.0.typeVersion']));
    const badSettings = await t.client.request('POST', '/api/flows', { token: owner.token, body: { name: 'X', settings: { debounceMs: 20_000, typo: 1 } } });
    expect(badSettings.status).toBe(400);
    expect(badSettings.body.error.problems.map((p: { field: string }) => p.field).sort()).toEqual(['settings', 'settings.debounceMs']);
    const [{ count }] = await t.database.dataSource.query(`SELECT count(*)::int AS count FROM flows WHERE tenant_id = $1`, [owner.tenantId]);
    expect(count).toBe(1);
  });

  it('saves with If-Match, bumps the revision, and answers 412 to a stale or missing If-Match, saying who saved', async () => {
    const owner = await t.client.signup({ name: 'Bia' });
    const created = await t.client.request('POST', '/api/flows', { token: owner.token, body: { name: 'Menu' } });
    const url = `/api/flows/${created.body.id}`;

    const saved = await t.client.request('PUT', url, {
      token: owner.token, headers: { 'if-match': '"1"' },
      body: { name: 'Menu principal', graph: askNameGraph(), settings: { debounceMs: 1500, fallbackMessage: 'Ops, tente de novo.' } },
    });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"2"');
    expect(saved.body).toMatchObject({
      name: 'Menu principal', revision: 2, problems: [],
      settings: { debounceMs: 1500, sessionTimeoutMinutes: 1440, fallbackMessage: 'Ops, tente de novo.' },
    });
    expect(saved.body.graph.nodes.map((n: { id: string }) => n.id)).toEqual(['start', 'ask', 'bye']);

    const stale = await t.client.request('PUT', url, { token: owner.token, headers: { 'if-match': '"1"' }, body: { name: 'Outro nome' } });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({
      code: 'FLOW_CHANGED', currentRevision: 2, lastSavedBy: { id: owner.userId, name: 'Bia' }, lastSavedAt: saved.body.updatedAt,
    });
    expect(stale.body.error.message).toContain('Bia saved revision 2');

    const missing = await t.client.request('PUT', url, { token: owner.token, body: { name: 'Outro nome' } });
    expect(missing.status).toBe(412);
    expect(missing.body.error.code).toBe('IF_MATCH_REQUIRED');

    const nothing = await t.client.request('PUT', url, { token: owner.token, headers: { 'if-match': '"2"' }, body: {} });
    expect(nothing.status).toBe(400);

    // Weak tags (a proxy may weaken ETags) and several tags are understood.
    const weak = await t.client.request('PUT', url, { token: owner.token, headers: { 'if-match': 'W/"9", W/"2"' }, body: { settings: {} } });
    expect(weak.status).toBe(200);
    expect(weak.body.settings).toEqual({ debounceMs: 0, sessionTimeoutMinutes: 1440 });

    const current = await t.client.request('GET', url, { token: owner.token });
    expect(current.body).toMatchObject({ name: 'Menu principal', revision: 3 });
    expect(await auditActions(t, owner.tenantId, created.body.id)).toEqual(['flow.created', 'flow.updated', 'flow.updated']);
  });

  it('deletes a flow (204), restarting its live conversations, then answers 404', async () => {
    const owner = await t.client.signup();
    const created = await t.client.request('POST', '/api/flows', { token: owner.token, body: { name: 'Temporário', graph: askNameGraph() } });
    const flowId = created.body.id;
    expect((await t.client.request('POST', `/api/flows/${flowId}/publish`, { token: owner.token, body: {} })).status).toBe(201);
    const waiting = await insertConversation(t, { tenantId: owner.tenantId, flowId, version: 1, status: 'waiting', waitingOn: 'ask' });
    expect((await t.client.request('GET', '/api/flows', { token: owner.token })).body[0].liveConversations).toBe(1);

    const deleted = await t.client.request('DELETE', `/api/flows/${flowId}`, { token: owner.token });
    expect(deleted.status).toBe(204);
    expect((await t.client.request('GET', `/api/flows/${flowId}`, { token: owner.token })).status).toBe(404);
    expect((await t.client.request('DELETE', `/api/flows/${flowId}`, { token: owner.token })).status).toBe(404);
    const [conversation] = await t.database.dataSource.query(`SELECT status, state, flow_id FROM conversations WHERE id = $1`, [waiting]);
    expect(conversation).toEqual({ status: 'idle', state: null, flow_id: null });
    const [{ versions }] = await t.database.dataSource.query(`SELECT count(*)::int AS versions FROM flow_versions WHERE flow_id = $1`, [flowId]);
    expect(versions).toBe(0);
    expect(await auditActions(t, owner.tenantId, flowId)).toEqual(['flow.created', 'flow.published', 'flow.deleted']);
  });

  it('lets a viewer read but not write (403)', async () => {
    const owner = await t.client.signup();
    const viewer = await memberToken(t, owner.token, 'viewer');
    const created = await t.client.request('POST', '/api/flows', { token: owner.token, body: { name: 'Só leitura', graph: askNameGraph() } });
    const id = created.body.id;
    expect((await t.client.request('POST', `/api/flows/${id}/publish`, { token: owner.token, body: {} })).status).toBe(201);

    for (const [method, path] of [['GET', '/api/flows'], ['GET', `/api/flows/${id}`], ['GET', `/api/flows/${id}/validation`], ['GET', `/api/flows/${id}/versions`],
      ['GET', `/api/flows/${id}/versions/1`], ['GET', `/api/flows/${id}/export`], ['GET', '/api/node-types']] as const) {
      expect([method, path, (await t.client.request(method, path, { token: viewer })).status]).toEqual([method, path, 200]);
    }
    const writes: Array<[string, string, unknown]> = [
      ['POST', '/api/flows', { name: 'Nope' }],
      ['POST', '/api/flows/import', { name: 'Nope', graph: askNameGraph() }],
      ['PUT', `/api/flows/${id}`, { name: 'Nope' }],
      ['DELETE', `/api/flows/${id}`, undefined],
      ['POST', `/api/flows/${id}/publish`, {}],
      ['POST', `/api/flows/${id}/versions/1/restore`, {}],
    ];
    for (const [method, path, body] of writes) {
      const response = await t.client.request(method, path, { token: viewer, body, headers: { 'if-match': '"1"' } });
      expect([method, path, response.status, response.body.error.code]).toEqual([method, path, 403, 'ROLE_REQUIRED']);
    }
    const editor = await memberToken(t, owner.token, 'editor');
    expect((await t.client.request('PUT', `/api/flows/${id}`, { token: editor, headers: { 'if-match': '"1"' }, body: { name: 'Editado' } })).status).toBe(200);
    const [{ count }] = await t.database.dataSource.query(`SELECT count(*)::int AS count FROM flows WHERE tenant_id = $1`, [owner.tenantId]);
    expect(count).toBe(1);
  });
});
