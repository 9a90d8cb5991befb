import { InboundIntake } from '../../src/runtime-host/inbound-intake';
import { RuntimeWorker } from '../../src/runtime-host/runtime-worker';
import { RUNTIME_EVENTS } from '../../src/runtime-host/turn-events';
import type { RuntimeEvents } from '../../src/runtime-host/turn-events';
import { TurnCoordinator } from '../../src/runtime-host/turn-coordinator';
import { inConversationTransaction } from '../../src/runtime-host/turn-store';
import { botTexts, insertLiveConversation, receiveText } from '../factories/conversation-factory';
import { graphOf, insertFlow } from '../factories/flow-factory';
import { useTestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

const echoBot = () => graphOf(
  [
    ['start', 'fluxo.messageTrigger', { mode: 'any' }],
    ['echo', 'fluxo.sendMessage', { kind: 'text', text: 'Você disse: {{ message.text }}' }],
  ],
  ['start>echo'],
);

const askBot = () => graphOf(
  [
    ['start', 'fluxo.messageTrigger', { mode: 'keywords', keywords: ['oi'] }],
    ['ask', 'fluxo.askQuestion', { question: 'Seu nome?', answerType: 'text', variable: 'nome' }],
    ['bye', 'fluxo.sendMessage', { kind: 'text', text: 'Tchau, {{ vars.nome }}' }],
  ],
  ['start>ask', 'ask>bye'],
);

describe('the turn pipeline (Postgres)', () => {
  const t = useTestApp();
  const db = () => t.database.dataSource;

  it("acts as the tenant's database role, for the conversation's tenant, once it has read the context", async () => {
    const owner = await t.client.signup();
    const other = await t.client.signup();
    const conversationId = await insertLiveConversation(db(), owner.tenantId);
    const otherConversation = await insertLiveConversation(db(), other.tenantId);
    const seen = await inConversationTransaction(db(), conversationId, async ({ db: turnDb, context }) => {
      const [who] = await turnDb.query(`SELECT current_user AS role, current_setting('fluxo.tenant_id', true) AS tenant`);
      // Row-level security: another tenant's conversation is invisible to the turn.
      const foreign = await turnDb.query(`SELECT id FROM conversations WHERE id = $1`, [otherConversation]);
      return { who, tenant: context?.conversation.tenantId, foreign: foreign.length };
    });
    expect(seen).toEqual({ who: { role: 'fluxo_tenant', tenant: owner.tenantId }, tenant: owner.tenantId, foreign: 0 });
  });

  it('runs a burst of messages one turn at a time, in arrival order', async () => {
    const owner = await t.client.signup();
    await insertFlow(db(), owner.tenantId, echoBot());
    const conversationId = await insertLiveConversation(db(), owner.tenantId);
    for (let i = 1; i <= 8; i++) await receiveText(t.app, owner.tenantId, conversationId, `m${i}`);
    await waitFor(async () => (await botTexts(db(), conversationId)).length === 8, 10_000);
    expect(await botTexts(db(), conversationId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((i) => `Você disse: m${i}`));
  });

  it('stores a message delivered twice (same external id) once, and runs one turn for it', async () => {
    const owner = await t.client.signup();
    await insertFlow(db(), owner.tenantId, echoBot());
    const conversationId = await insertLiveConversation(db(), owner.tenantId);
    const first = await receiveText(t.app, owner.tenantId, conversationId, 'olá', 'wamid.1');
    const again = await receiveText(t.app, owner.tenantId, conversationId, 'olá', 'wamid.1');
    expect(again).toEqual({ conversationId, messageId: first.messageId, duplicate: true, turnQueued: expect.any(Promise) });
    await waitFor(async () => (await botTexts(db(), conversationId)).length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [{ turns }] = await db().query(`SELECT count(*)::int AS turns FROM turns WHERE conversation_id = $1`, [conversationId]);
    expect(turns).toBe(1);
  });

  it('creates contact and conversation on first contact from an address, and reuses them after', async () => {
    const owner = await t.client.signup();
    await insertFlow(db(), owner.tenantId, echoBot());
    const intake = t.app.get(InboundIntake);
    const from = (text: string, externalId: string) => intake.receiveFrom({
      tenantId: owner.tenantId, channel: 'simulator', address: '5511988887777', type: 'text', externalId, content: { kind: 'message', message: { type: 'text', text } },
    });
    const first = await from('oi', 'wamid.a');
    const second = await from('tudo bem?', 'wamid.b');
    const repeated = await from('tudo bem?', 'wamid.b');
    expect(second.conversationId).toBe(first.conversationId);
    expect(repeated).toEqual({ conversationId: second.conversationId, messageId: second.messageId, duplicate: true, turnQueued: expect.any(Promise) });
    await waitFor(async () => (await botTexts(db(), first.conversationId)).length === 2);
    const [{ contacts }] = await db().query(`SELECT count(*)::int AS contacts FROM contacts WHERE tenant_id = $1 AND external_id = '5511988887777'`, [owner.tenantId]);
    expect(contacts).toBe(1);
  });

  it("stores the messages of each address in the order they came, when many addresses' messages arrive together", async () => {
    const owner = await t.client.signup();
    const intake = t.app.get(InboundIntake);
    const addresses = Array.from({ length: 8 }, (_, i) => `55119777700${String(i).padStart(2, '0')}`);
    // Interleaved, none awaited: they go in batches.
    const received = await Promise.all([1, 2, 3, 4, 5, 6].flatMap((n) => addresses.map((address) => intake.receiveFrom({
      tenantId: owner.tenantId, channel: 'simulator', address, type: 'text', externalId: `${address}:${n}`,
      content: { kind: 'message', message: { type: 'text', text: `m${n}` } },
    }))));
    expect(received.every((each) => !each.duplicate)).toBe(true);
    const rows: Array<{ external_key: string; texts: string[] }> = await db().query(`
      SELECT c.external_key, array_agg(m.content -> 'message' ->> 'text' ORDER BY m.seq) AS texts
        FROM conversations c JOIN messages m ON m.conversation_id = c.id WHERE c.tenant_id = $1 GROUP BY c.external_key ORDER BY c.external_key`, [owner.tenantId]);
    expect(rows).toEqual(addresses.map((address) => ({ external_key: address, texts: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'] })));
  });

  it('keeps quiet over a message queued before a human took the conversation: it is held for the human', async () => {
    const owner = await t.client.signup();
    await insertFlow(db(), owner.tenantId, echoBot());
    const conversationId = await insertLiveConversation(db(), owner.tenantId);
    // The message was queued (a debounce window, a busy worker); then the business answered from its phone.
    const [message] = await db().query(
      `INSERT INTO messages (tenant_id, conversation_id, direction, type, content, channel, status) VALUES ($1, $2, 'in', 'text', $3, 'simulator', 'received') RETURNING id`,
      [owner.tenantId, conversationId, JSON.stringify({ kind: 'message', message: { type: 'text', text: 'ainda tem horário?' } })]);
    await db().query(`UPDATE conversations SET bot_paused_until = now() + interval '1 hour' WHERE id = $1`, [conversationId]);
    await t.app.get(TurnCoordinator).runPendingTurns(conversationId);
    expect(await botTexts(db(), conversationId)).toEqual([]);
    const [{ status }] = await db().query(`SELECT status FROM messages WHERE id = $1`, [message.id]);
    expect(status).toBe('held');
    // Once the pause is over, the next message is the bot's again.
    await db().query(`UPDATE conversations SET bot_paused_until = now() - interval '1 second' WHERE id = $1`, [conversationId]);
    await receiveText(t.app, owner.tenantId, conversationId, 'oi de novo');
    await waitFor(async () => (await botTexts(db(), conversationId)).length === 1);
    expect(await botTexts(db(), conversationId)).toEqual(['Você disse: oi de novo']);
  });

  it('picks up work whose job was lost: the periodic sweep re-queues stale messages and deliveries', async () => {
    const owner = await t.client.signup();
    await insertFlow(db(), owner.tenantId, echoBot());
    const conversationId = await insertLiveConversation(db(), owner.tenantId);
    // A message stored a minute ago whose turn job vanished (say, Redis restarted without persistence).
    await db().query(`INSERT INTO messages (tenant_id, conversation_id, direction, type, content, channel, status, created_at)
      VALUES ($1, $2, 'in', 'text', $3, 'simulator', 'received', now() - interval '1 minute')`,
    [owner.tenantId, conversationId, JSON.stringify({ kind: 'message', message: { type: 'text', text: 'alguém aí?' } })]);
    const worker = t.app.get(RuntimeWorker);
    expect(await worker.requeuePendingWork(30_000)).toMatchObject({ conversations: 1 });
    await waitFor(async () => (await botTexts(db(), conversationId)).length === 1);
    expect(await botTexts(db(), conversationId)).toEqual(['Você disse: alguém aí?']);

    // A reply whose delivery job ran out of attempts stays pending until a sweep sends it. (Once the
    // turn's own delivery is done: it sends right after the commit.)
    const sentCount = async () => (await db().query(`SELECT count(*)::int AS sent FROM outbox WHERE conversation_id = $1 AND status = 'sent'`, [conversationId]))[0].sent as number;
    await waitFor(async () => (await sentCount()) === 1);
    await db().query(`UPDATE outbox SET status = 'pending', created_at = now() - interval '1 minute' WHERE conversation_id = $1`, [conversationId]);
    await db().query(`DELETE FROM messages WHERE conversation_id = $1 AND direction = 'out'`, [conversationId]);
    expect(await worker.requeuePendingWork(30_000)).toMatchObject({ deliveries: 1 });
    await waitFor(async () => (await sentCount()) === 1);
    // Fresh work is left to its own job.
    expect(await worker.requeuePendingWork(30_000)).toEqual({ conversations: 0, timers: 0, deliveries: 0 });
  });

  it("sends a committed turn's replies even when publishing its news fails", async () => {
    const owner = await t.client.signup();
    await insertFlow(db(), owner.tenantId, echoBot());
    const conversationId = await insertLiveConversation(db(), owner.tenantId);
    const events = t.app.get<RuntimeEvents>(RUNTIME_EVENTS);
    const publish = jest.spyOn(events, 'publish').mockImplementation(async (event) => {
      if (event.type === 'turn.completed' && event.conversationId === conversationId) throw new Error('Redis went away');
    });
    try {
      await receiveText(t.app, owner.tenantId, conversationId, 'alô');
      await waitFor(async () => {
        const [{ sent }] = await db().query(`SELECT count(*)::int AS sent FROM outbox WHERE conversation_id = $1 AND status = 'sent'`, [conversationId]);
        return sent === 1;
      });
    } finally {
      publish.mockRestore();
    }
    expect(await botTexts(db(), conversationId)).toEqual(['Você disse: alô']);
  });

  it('merges a burst of short texts into one turn when the flow has a debounce window', async () => {
    const owner = await t.client.signup();
    await insertFlow(db(), owner.tenantId, askBot(), { settings: { debounceMs: 400 } });
    const conversationId = await insertLiveConversation(db(), owner.tenantId);
    await receiveText(t.app, owner.tenantId, conversationId, 'oi');
    await waitFor(async () => (await botTexts(db(), conversationId)).length === 1);
    for (const part of ['Ana', 'Maria', 'Souza']) await receiveText(t.app, owner.tenantId, conversationId, part);
    await waitFor(async () => (await botTexts(db(), conversationId)).length === 2);
    expect((await botTexts(db(), conversationId))[1]).toBe('Tchau, Ana\nMaria\nSouza');
  });

  it("greets a contact on their first message ever, and on no later one, in any of their conversations", async () => {
    const owner = await t.client.signup();
    await insertFlow(db(), owner.tenantId, echoBot());
    await insertFlow(db(), owner.tenantId, graphOf(
      [['start', 'fluxo.messageTrigger', { mode: 'firstMessage' }], ['hi', 'fluxo.sendMessage', { kind: 'text', text: 'Bem-vindo!' }]],
      ['start>hi'],
    ), { name: 'Boas-vindas' });
    const conversationId = await insertLiveConversation(db(), owner.tenantId);
    await receiveText(t.app, owner.tenantId, conversationId, 'oi');
    await waitFor(async () => (await botTexts(db(), conversationId)).length === 1);
    await receiveText(t.app, owner.tenantId, conversationId, 'oi de novo');
    await waitFor(async () => (await botTexts(db(), conversationId)).length === 2);
    expect(await botTexts(db(), conversationId)).toEqual(['Bem-vindo!', 'Você disse: oi de novo']);
    // The same person in a conversation of its own (another channel, or after the first was closed): no longer new.
    const [{ contact_id: contactId }] = await db().query(`SELECT contact_id FROM conversations WHERE id = $1`, [conversationId]);
    const [second] = await db().query(
      `INSERT INTO conversations (tenant_id, contact_id, channel, external_key, source) VALUES ($1, $2, 'simulator', 'second', 'live') RETURNING id`,
      [owner.tenantId, contactId]);
    await receiveText(t.app, owner.tenantId, second.id, 'olá');
    await waitFor(async () => (await botTexts(db(), second.id)).length === 1);
    expect(await botTexts(db(), second.id)).toEqual(['Você disse: olá']);
  });

  it("runs the tenant's fallback flow when no trigger matches", async () => {
    const owner = await t.client.signup();
    await insertFlow(db(), owner.tenantId, askBot());
    const fallbackId = await insertFlow(db(), owner.tenantId, graphOf(
      [['start', 'fluxo.messageTrigger', { mode: 'keywords', keywords: ['ajuda'] }], ['help', 'fluxo.sendMessage', { kind: 'text', text: 'Não entendi. Diga "oi" para começar.' }]],
      ['start>help'],
    ), { name: 'Fallback' });
    const unpublished = await insertFlow(db(), owner.tenantId, echoBot(), { publish: false });
    expect((await t.client.request('PATCH', '/api/tenant', { token: owner.token, body: { fallbackFlowId: unpublished } })).status).toBe(422);
    const patched = await t.client.request('PATCH', '/api/tenant', { token: owner.token, body: { fallbackFlowId: fallbackId } });
    expect(patched.body).toMatchObject({ fallbackFlowId: fallbackId });
    const conversationId = await insertLiveConversation(db(), owner.tenantId);
    await receiveText(t.app, owner.tenantId, conversationId, 'qual o horário?');
    await waitFor(async () => (await botTexts(db(), conversationId)).length === 1);
    expect(await botTexts(db(), conversationId)).toEqual(['Não entendi. Diga "oi" para começar.']);
  });

  it('ends a waiting session after its timeout with the goodbye message; the next message starts fresh', async () => {
    const owner = await t.client.signup();
    await insertFlow(db(), owner.tenantId, askBot(), { settings: { sessionTimeoutMinutes: 30, sessionEndMessage: 'Encerramos por inatividade.' } });
    const conversationId = await insertLiveConversation(db(), owner.tenantId);
    await receiveText(t.app, owner.tenantId, conversationId, 'oi');
    await waitFor(async () => (await botTexts(db(), conversationId)).length === 1);
    const [timer] = await db().query(`SELECT kind, status, extract(epoch FROM fire_at - now()) / 60 AS minutes FROM timers WHERE id = $1`, [`session:${conversationId}`]);
    expect(timer).toMatchObject({ kind: 'session', status: 'pending' });
    expect(Number(timer.minutes)).toBeGreaterThan(29);

    // Half an hour later (the clock moved by rewriting the deadline), the worker's timer job runs.
    await db().query(`UPDATE timers SET fire_at = now() - interval '1 second' WHERE id = $1`, [`session:${conversationId}`]);
    await t.app.get(TurnCoordinator).runPendingTurns(conversationId);
    expect(await botTexts(db(), conversationId)).toEqual(['Seu nome?', 'Encerramos por inatividade.']);
    const [conversation] = await db().query(`SELECT status, state -> 'waiting' AS waiting FROM conversations WHERE id = $1`, [conversationId]);
    expect(conversation).toEqual({ status: 'ended', waiting: null });
    const [{ status }] = await db().query(`SELECT status FROM turns WHERE conversation_id = $1 ORDER BY seq DESC LIMIT 1`, [conversationId]);
    expect(status).toBe('session_expired');

    await receiveText(t.app, owner.tenantId, conversationId, 'Ana');
    await new Promise((resolve) => setTimeout(resolve, 200));
    // "Ana" is not an answer any more: no trigger matches it, so the bot stays quiet.
    expect(await botTexts(db(), conversationId)).toHaveLength(2);
  });

  it('takes a question timeout that fell due before a late answer first', async () => {
    const owner = await t.client.signup();
    await insertFlow(db(), owner.tenantId, graphOf(
      [
        ['start', 'fluxo.messageTrigger', { mode: 'any' }],
        ['ask', 'fluxo.askQuestion', { question: 'Seu nome?', answerType: 'text', variable: 'nome', timeoutMinutes: 5 }],
        ['ok', 'fluxo.sendMessage', { kind: 'text', text: 'Obrigado, {{ vars.nome }}' }],
        ['late', 'fluxo.sendMessage', { kind: 'text', text: 'Tempo esgotado' }],
      ],
      ['start>ask', 'ask>ok', 'ask:timeout>late'],
    ));
    const conversationId = await insertLiveConversation(db(), owner.tenantId);
    await receiveText(t.app, owner.tenantId, conversationId, 'oi');
    await waitFor(async () => (await botTexts(db(), conversationId)).length === 1);
    await db().query(`UPDATE timers SET fire_at = now() - interval '1 minute' WHERE conversation_id = $1 AND kind = 'node'`, [conversationId]);
    await receiveText(t.app, owner.tenantId, conversationId, 'Ana');
    // The timeout ends the run; the late "Ana" then starts a new one (the trigger takes any message).
    await waitFor(async () => (await botTexts(db(), conversationId)).length === 3);
    expect(await botTexts(db(), conversationId)).toEqual(['Seu nome?', 'Tempo esgotado', 'Seu nome?']);
  });
});
