import { graphOf } from '../../factories/flow-factory';
import { useTestApp } from '../../support/test-app';
import { askNameGraph, auditActions, conversationRow, insertConversation, memberToken } from './flow-helpers';

describe('publishing, versions and restore (Postgres)', () => {
  const t = useTestApp();

  async function newFlow(token: string, graph = askNameGraph()): Promise<string> {
    const created = await t.client.request('POST', '/api/flows', { token, body: { name: 'Fluxo', graph } });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  it('refuses to publish an invalid draft (422 FLOW_INVALID by node id) and writes nothing', async () => {
    const owner = await t.client.signup();
    const flowId = await newFlow(owner.token, graphOf(
      [['start', 'fluxo.messageTrigger'], ['x', 'acme.nope'], ['say', 'fluxo.sendMessage', { kind: 'text' }]], ['start>x', 'x:out>say'],
    ));
    const refused = await t.client.request('POST', `/api/flows/${flowId}/publish`, { token: owner.token, body: { changelog: 'primeira' } });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'FLOW_INVALID', message: expect.stringContaining('cannot be published') });
    expect(refused.body.error.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ nodeId: 'x', code: 'UNKNOWN_NODE_TYPE', message: expect.any(String) }),
      expect.objectContaining({ nodeId: 'say', code: 'INVALID_CONFIG', path: 'text' }),
    ]));
    const [{ versions }] = await t.database.dataSource.query(`SELECT count(*)::int AS versions FROM flow_versions WHERE flow_id = $1`, [flowId]);
    expect(versions).toBe(0);
    expect((await t.client.request('GET', `/api/flows/${flowId}`, { token: owner.token })).body.publishedVersion).toBeNull();
    expect(await auditActions(t, owner.tenantId, flowId)).toEqual(['flow.created']);
    expect((await t.client.request('GET', `/api/flows/${flowId}/versions`, { token: owner.token })).body).toEqual([]);
  });

  it('numbers versions 1, 2, 3 with author, changelog and time; versions are immutable; restore copies one into the draft', async () => {
    const owner = await t.client.signup({ name: 'Carla' });
    const editor = await memberToken(t, owner.token, 'editor');
    const flowId = await newFlow(owner.token);

    const first = await t.client.request('POST', `/api/flows/${flowId}/publish`, { token: owner.token, body: { changelog: 'Primeira versão' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      flowId, version: 1, changelog: 'Primeira versão', author: { id: owner.userId, name: 'Carla' }, liveConversations: 0,
      conversations: { policy: 'drain', migrated: 0, restarted: 0 }, settings: { debounceMs: 0 },
    });
    expect(first.body.graph.nodes.map((n: { id: string }) => n.id)).toEqual(['start', 'ask', 'bye']);

    const changed = graphOf([['start', 'fluxo.messageTrigger', { mode: 'any' }], ['hello', 'fluxo.sendMessage', { kind: 'text', text: 'Oi!' }]], ['start>hello']);
    const saved = await t.client.request('PUT', `/api/flows/${flowId}`, { token: editor, headers: { 'if-match': '"1"' }, body: { graph: changed, settings: { debounceMs: 800 } } });
    expect(saved.status).toBe(200);
    // A stale If-Match on publish is refused; a current one (or none) publishes.
    expect((await t.client.request('POST', `/api/flows/${flowId}/publish`, { token: editor, headers: { 'if-match': '"1"' }, body: {} })).status).toBe(412);
    const second = await t.client.request('POST', `/api/flows/${flowId}/publish`, { token: editor, headers: { 'if-match': '"2"' }, body: {} });
    expect(second.body).toMatchObject({ version: 2, changelog: '', author: { name: 'Member editor' }, settings: { debounceMs: 800 } });
    const third = await t.client.request('POST', `/api/flows/${flowId}/publish`, { token: owner.token, body: { changelog: 'De novo' } });
    expect(third.body.version).toBe(3);

    const list = await t.client.request('GET', `/api/flows/${flowId}/versions`, { token: owner.token });
    expect(list.status).toBe(200);
    expect(list.body.map((v: { version: number; changelog: string; author: { name: string } }) => [v.version, v.changelog, v.author.name]))
      .toEqual([[3, 'De novo', 'Carla'], [2, '', 'Member editor'], [1, 'Primeira versão', 'Carla']]);
    expect(list.body[0]).toEqual({ version: 3, changelog: 'De novo', author: { id: owner.userId, name: 'Carla' }, createdAt: expect.any(String), liveConversations: 0 });
    expect(list.body[0].graph).toBeUndefined();
    // Publishing leaves the draft's ETag as it was: a browser revalidating with it must still get
    // the new publishedVersion, not a 304 over its cached copy.
    const flow = await t.client.request('GET', `/api/flows/${flowId}`, { token: owner.token, headers: { 'if-none-match': '"2"' } });
    expect(flow.status).toBe(200);
    expect(flow.headers.get('cache-control')).toBe('no-store');
    expect(flow.body).toMatchObject({ publishedVersion: 3, revision: 2 });

    const v1 = await t.client.request('GET', `/api/flows/${flowId}/versions/1`, { token: owner.token });
    expect(v1.status).toBe(200);
    expect(v1.body.graph).toEqual(first.body.graph);
    expect((await t.client.request('GET', `/api/flows/${flowId}/versions/9`, { token: owner.token })).status).toBe(404);
    expect((await t.client.request('GET', `/api/flows/${flowId}/versions/abc`, { token: owner.token })).status).toBe(404);
    await expect(t.database.dataSource.query(`UPDATE flow_versions SET changelog = 'rewritten' WHERE flow_id = $1`, [flowId])).rejects.toThrow(/immutable/);

    expect((await t.client.request('POST', `/api/flows/${flowId}/versions/1/restore`, { token: owner.token, headers: { 'if-match': '"1"' } })).status).toBe(412);
    const restored = await t.client.request('POST', `/api/flows/${flowId}/versions/1/restore`, { token: owner.token });
    expect(restored.status).toBe(200);
    expect(restored.headers.get('etag')).toBe('"3"');
    expect(restored.body).toMatchObject({ revision: 3, publishedVersion: 3, settings: { debounceMs: 0 }, problems: [] });
    expect(restored.body.graph).toEqual(first.body.graph);
    expect((await t.client.request('POST', `/api/flows/${flowId}/versions/7/restore`, { token: owner.token })).status).toBe(404);
    expect(await auditActions(t, owner.tenantId, flowId)).toEqual([
      'flow.created', 'flow.published', 'flow.updated', 'flow.published', 'flow.published', 'flow.restored',
    ]);
  });

  it('drain leaves live conversations on their version; migrate moves waiting ones whose node survives and restarts the rest', async () => {
    const owner = await t.client.signup();
    const v1Graph = graphOf(
      [
        ['start', 'fluxo.messageTrigger', { mode: 'any' }],
        ['ask', 'fluxo.askQuestion', { question: 'Nome?', answerType: 'text', variable: 'nome' }],
        ['old_q', 'fluxo.askQuestion', { question: 'Cidade?', answerType: 'text', variable: 'cidade' }],
        ['retyped', 'fluxo.askQuestion', { question: 'E-mail?', answerType: 'email', variable: 'email' }],
        ['bye', 'fluxo.sendMessage', { kind: 'text', text: 'Tchau' }],
      ],
      ['start>ask', 'ask>old_q', 'old_q>retyped', 'retyped>bye'],
    );
    const flowId = await newFlow(owner.token, v1Graph);
    await t.client.request('POST', `/api/flows/${flowId}/publish`, { token: owner.token, body: {} });
    const base = { tenantId: owner.tenantId, flowId, version: 1 };
    const onAsk = await insertConversation(t, { ...base, status: 'waiting', waitingOn: 'ask' });
    const onRemoved = await insertConversation(t, { ...base, status: 'waiting', waitingOn: 'old_q' });
    const onRetyped = await insertConversation(t, { ...base, status: 'waiting', waitingOn: 'retyped' });
    const idle = await insertConversation(t, { ...base, status: 'idle' });
    const ended = await insertConversation(t, { ...base, status: 'ended' });
    const simulated = await insertConversation(t, { ...base, status: 'waiting', waitingOn: 'ask', source: 'published' });
    await t.database.dataSource.query(
      `INSERT INTO timers (id, tenant_id, conversation_id, kind, fire_at) VALUES ('t-removed', $1, $2, 'node', now() + interval '1 hour'), ('t-ask', $1, $3, 'node', now() + interval '1 hour')`,
      [owner.tenantId, onRemoved, onAsk]);
    expect((await t.client.request('GET', `/api/flows/${flowId}/versions`, { token: owner.token })).body[0].liveConversations).toBe(4);

    // v2 drops old_q and turns `retyped` into a message: only `ask` keeps its type.
    const v2Graph = graphOf(
      [
        ['start', 'fluxo.messageTrigger', { mode: 'any' }],
        ['ask', 'fluxo.askQuestion', { question: 'Seu nome?', answerType: 'text', variable: 'nome' }],
        ['retyped', 'fluxo.sendMessage', { kind: 'text', text: 'Obrigado' }],
      ],
      ['start>ask', 'ask>retyped'],
    );
    await t.client.request('PUT', `/api/flows/${flowId}`, { token: owner.token, headers: { 'if-match': '"1"' }, body: { graph: v2Graph } });
    const drained = await t.client.request('POST', `/api/flows/${flowId}/publish`, { token: owner.token, body: { liveConversations: 'drain' } });
    expect(drained.body.conversations).toEqual({ policy: 'drain', migrated: 0, restarted: 0 });
    expect((await conversationRow(t, onAsk)).flow_version).toBe(1);

    const migrated = await t.client.request('POST', `/api/flows/${flowId}/publish`, { token: owner.token, body: { liveConversations: 'migrate', changelog: 'migra' } });
    expect(migrated.status).toBe(201);
    expect(migrated.body).toMatchObject({ version: 3, conversations: { policy: 'migrate', migrated: 1, restarted: 3 } });

    const moved = await conversationRow(t, onAsk);
    expect(moved).toMatchObject({ status: 'waiting', flow_version: 3 });
    expect(moved.state).toMatchObject({ flow: { flowId, version: 3 }, waiting: { nodeId: 'ask' }, vars: { nome: 'Ana' }, turns: 1 });
    for (const id of [onRemoved, onRetyped, idle]) expect(await conversationRow(t, id)).toMatchObject({ status: 'idle', state: null });
    expect(await conversationRow(t, ended)).toMatchObject({ status: 'ended', flow_version: 1, state: expect.objectContaining({ status: 'ended' }) });
    expect(await conversationRow(t, simulated)).toMatchObject({ status: 'waiting', flow_version: 1 });
    const timers = await t.database.dataSource.query(`SELECT id, status FROM timers WHERE tenant_id = $1 ORDER BY id`, [owner.tenantId]);
    expect(timers).toEqual([{ id: 't-ask', status: 'pending' }, { id: 't-removed', status: 'cancelled' }]);

    const versions = await t.client.request('GET', `/api/flows/${flowId}/versions`, { token: owner.token });
    expect(versions.body.map((v: { version: number; liveConversations: number }) => [v.version, v.liveConversations])).toEqual([[3, 1], [2, 0], [1, 0]]);
    expect((await t.client.request('GET', '/api/flows', { token: owner.token })).body[0].liveConversations).toBe(1);
  });

  it('restart clears the state of every live conversation of the flow (the next message starts fresh)', async () => {
    const owner = await t.client.signup();
    const flowId = await newFlow(owner.token);
    await t.client.request('POST', `/api/flows/${flowId}/publish`, { token: owner.token, body: {} });
    const waiting = await insertConversation(t, { tenantId: owner.tenantId, flowId, version: 1, status: 'waiting', waitingOn: 'ask' });
    const draftSim = await insertConversation(t, { tenantId: owner.tenantId, flowId, version: null, status: 'waiting', waitingOn: 'ask', source: 'draft' });
    const otherFlow = await newFlow(owner.token);
    await t.client.request('POST', `/api/flows/${otherFlow}/publish`, { token: owner.token, body: {} });
    const elsewhere = await insertConversation(t, { tenantId: owner.tenantId, flowId: otherFlow, version: 1, status: 'waiting', waitingOn: 'ask' });

    const restarted = await t.client.request('POST', `/api/flows/${flowId}/publish`, { token: owner.token, body: { liveConversations: 'restart' } });
    expect(restarted.body).toMatchObject({ version: 2, conversations: { policy: 'restart', migrated: 0, restarted: 1 } });
    expect(await conversationRow(t, waiting)).toMatchObject({ status: 'idle', state: null });
    expect(await conversationRow(t, draftSim)).toMatchObject({ status: 'waiting' });
    expect(await conversationRow(t, elsewhere)).toMatchObject({ status: 'waiting', flow_version: 1 });
    expect((await t.client.request('POST', `/api/flows/${flowId}/publish`, { token: owner.token, body: { liveConversations: 'everyone' } })).status).toBe(400);
  });
});
