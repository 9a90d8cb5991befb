import { io } from 'socket.io-client';
import { buttonsBot, graphOf, insertFlow } from '../factories/flow-factory';
import { useTestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

describe('simulator and the turn pipeline (Postgres)', () => {
  const t = useTestApp();

  it('chats with a draft: question, answer, buttons, a tapped button, with traces stored', async () => {
    const owner = await t.client.signup();
    const flowId = await insertFlow(t.database.dataSource, owner.tenantId, buttonsBot(), { publish: false });
    const started = await t.client.request('POST', `/api/flows/${flowId}/simulations`, { token: owner.token, body: { source: 'draft' } });
    expect(started.status).toBe(201);
    const sim = started.body.simulationId as string;

    const first = await t.client.request('POST', `/api/simulations/${sim}/messages`, { token: owner.token, body: { text: 'oi' } });
    expect(first.status).toBe(200);
    expect(first.body.replies.map((r: { message: unknown }) => r.message)).toEqual([{ kind: 'text', text: 'Qual é o seu nome?' }]);
    expect(first.body.waitingFor).toMatchObject({ nodeId: 'ask', for: 'input' });
    expect(first.body.trace.map((s: { nodeId: string }) => s.nodeId)).toEqual(['start', 'ask']);

    const second = await t.client.request('POST', `/api/simulations/${sim}/messages`, { token: owner.token, body: { text: 'Ana' } });
    expect(second.body.replies[0].message).toMatchObject({ kind: 'buttons', text: 'Oi, Ana! O que deseja?' });

    const tap = await t.client.request('POST', `/api/simulations/${sim}/messages`, { token: owner.token, body: { buttonId: 'precos' } });
    expect(tap.body.status).toBe('ended');
    expect(tap.body.replies.map((r: { message: { text: string } }) => r.message.text)).toEqual(['Consulta: R$ 150,00']);
    expect(tap.body.trace.map((s: { nodeId: string; port?: string }) => [s.nodeId, s.port])).toEqual([['menu', 'precos'], ['precos', 'out']]);

    const conversation = await t.client.request('GET', `/api/conversations/${sim}`, { token: owner.token });
    expect(conversation.status).toBe(200);
    expect(conversation.body.turns).toHaveLength(3);
    expect(conversation.body.messages.filter((m: { direction: string }) => m.direction === 'in')).toHaveLength(3);
    await waitFor(async () => {
      const [{ sent }] = await t.database.dataSource.query(`SELECT count(*)::int AS sent FROM outbox WHERE conversation_id = $1 AND status = 'sent'`, [sim]);
      return sent === 3;
    });
  });

  it('refuses a button the bot never offered (422) and bad bodies (400)', async () => {
    const owner = await t.client.signup();
    const flowId = await insertFlow(t.database.dataSource, owner.tenantId, buttonsBot());
    const { body } = await t.client.request('POST', `/api/flows/${flowId}/simulations`, { token: owner.token, body: { source: 'published' } });
    expect((await t.client.request('POST', `/api/simulations/${body.simulationId}/messages`, { token: owner.token, body: { buttonId: 'nope' } })).status).toBe(422);
    expect((await t.client.request('POST', `/api/simulations/${body.simulationId}/messages`, { token: owner.token, body: { text: '' } })).status).toBe(400);
  });

  it('pushes what the bot says after a delay on the socket, from a timer that fires later', async () => {
    const owner = await t.client.signup();
    const flowId = await insertFlow(t.database.dataSource, owner.tenantId, graphOf(
      [['start', 'fluxo.messageTrigger', { mode: 'any' }], ['wait', 'fluxo.delay', { amount: 1, unit: 'seconds' }], ['later', 'fluxo.sendMessage', { kind: 'text', text: 'Voltei!' }]],
      ['start>wait', 'wait>later'],
    ));
    const { body } = await t.client.request('POST', `/api/flows/${flowId}/simulations`, { token: owner.token, body: { source: 'published' } });
    const socket = io(`${t.baseUrl}/simulations`, { transports: ['websocket'] });
    try {
      const joined = await socket.emitWithAck('join', { simulationId: body.simulationId, token: owner.token });
      expect(joined).toEqual({ ok: true });
      const reply = new Promise((resolve) => socket.on('reply', resolve));
      const first = await t.client.request('POST', `/api/simulations/${body.simulationId}/messages`, { token: owner.token, body: { text: 'oi' } });
      expect(first.body).toMatchObject({ status: 'waiting', replies: [], waitingFor: { nodeId: 'wait', for: 'timer' } });
      await expect(reply).resolves.toMatchObject({ message: { kind: 'text', text: 'Voltei!' } });
    } finally {
      socket.close();
    }
  });

  it("answers 404 to another tenant's flow, simulation and conversation", async () => {
    const owner = await t.client.signup();
    const stranger = await t.client.signup();
    const flowId = await insertFlow(t.database.dataSource, owner.tenantId, buttonsBot());
    const { body } = await t.client.request('POST', `/api/flows/${flowId}/simulations`, { token: owner.token, body: {} });
    expect((await t.client.request('POST', `/api/flows/${flowId}/simulations`, { token: stranger.token, body: {} })).status).toBe(404);
    expect((await t.client.request('POST', `/api/simulations/${body.simulationId}/messages`, { token: stranger.token, body: { text: 'oi' } })).status).toBe(404);
    expect((await t.client.request('GET', `/api/conversations/${body.simulationId}`, { token: stranger.token })).status).toBe(404);
    expect((await t.client.request('POST', `/api/conversations/${body.simulationId}/reset`, { token: stranger.token })).status).toBe(404);
  });
});

