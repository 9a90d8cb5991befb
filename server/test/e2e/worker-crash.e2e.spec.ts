import { Client } from 'pg';
import { graphOf, insertFlow } from '../factories/flow-factory';
import { startFluxoProcess } from '../support/child-process';
import type { FluxoProcess } from '../support/child-process';
import { startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

/**
 * The production shape: this test process serves HTTP only; turns run in a separate worker process
 * over BullMQ and Redis. The worker is killed (SIGKILL) in the middle of a turn; after a restart the
 * turn completes, with no inbound message lost and no outbound message sent twice.
 */
describe('a worker killed mid-turn (Postgres + Redis, separate processes)', () => {
  let t: TestApp;
  const workers: FluxoProcess[] = [];
  beforeAll(async () => {
    t = await startTestApp({ redis: true, runsWorker: false });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await t?.close();
  });

  it('completes the interrupted turn after a restart, exactly once', async () => {
    const db = t.database.dataSource;
    workers.push(await startFluxoProcess('server/src/main-worker.ts', t.processEnv()));
    const owner = await t.client.signup();
    await insertFlow(db, owner.tenantId, graphOf(
      [
        ['start', 'fluxo.messageTrigger', { mode: 'any' }],
        ['ask', 'fluxo.askQuestion', { question: 'Qual é o seu nome?', answerType: 'text', variable: 'nome', variableScope: 'contact' }],
        ['thanks', 'fluxo.sendMessage', { kind: 'text', text: 'Prazer, {{ contact.fields.nome }}!' }],
      ],
      ['start>ask', 'ask>thanks'],
    ));
    const [flow] = await db.query(`SELECT id FROM flows WHERE tenant_id = $1`, [owner.tenantId]);
    const { body: sim } = await t.client.request('POST', `/api/flows/${flow.id}/simulations`, { token: owner.token, body: { source: 'published' } });
    const first = await t.client.request('POST', `/api/simulations/${sim.simulationId}/messages`, { token: owner.token, body: { text: 'oi' } });
    expect(first.body.replies.map((r: { message: { text: string } }) => r.message.text)).toEqual(['Qual é o seu nome?']);

    // Hold the contact row: the worker's next turn runs the flow, then waits inside its transaction to save the name
    // (the turn's write, a prepared statement that also updates the contact's fields).
    const blocker = new Client({ connectionString: t.processEnv().DATABASE_URL });
    // If the test fails midway, dropping the database ends this session: that is no further error.
    blocker.on('error', () => undefined);
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(`SELECT 1 FROM contacts k JOIN conversations c ON c.contact_id = k.id WHERE c.id = $1 FOR UPDATE OF k`, [sim.simulationId]);
    const answer = t.client.request('POST', `/api/simulations/${sim.simulationId}/messages`, { token: owner.token, body: { text: 'Ana' } });
    await waitFor(async () => {
      const [{ waiting }] = await db.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%EXECUTE fluxo_turn_commit(%'`);
      return waiting === 1;
    }, 15_000);
    await workers[0]!.kill('SIGKILL');
    // Postgres notices the dead worker while its statement still waits (client_connection_check_interval) and stops
    // waiting: the write and COMMIT it had received are dropped, not run once the lock comes free.
    await waitFor(async () => {
      const [{ waiting }] = await db.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%EXECUTE fluxo_turn_commit(%'`);
      return waiting === 0;
    }, 15_000);
    await blocker.query('ROLLBACK');
    await blocker.end();

    // Nothing of the interrupted turn was committed, and the inbound message waits for a worker.
    const [{ status }] = await db.query(`SELECT status FROM messages WHERE conversation_id = $1 AND direction = 'in' ORDER BY seq DESC LIMIT 1`, [sim.simulationId]);
    expect(status).toBe('received');
    const [{ turns }] = await db.query(`SELECT count(*)::int AS turns FROM turns WHERE conversation_id = $1`, [sim.simulationId]);
    expect(turns).toBe(1);

    workers.push(await startFluxoProcess('server/src/main-worker.ts', t.processEnv()));
    await waitFor(async () => {
      const [{ sent }] = await db.query(`SELECT count(*)::int AS sent FROM messages WHERE conversation_id = $1 AND direction = 'out'`, [sim.simulationId]);
      return sent === 2;
    }, 20_000);
    const outbound = await db.query(`SELECT content ->> 'text' AS text FROM messages WHERE conversation_id = $1 AND direction = 'out' ORDER BY seq`, [sim.simulationId]);
    expect(outbound.map((row: { text: string }) => row.text)).toEqual(['Qual é o seu nome?', 'Prazer, Ana!']);
    const inbound = await db.query(`SELECT status FROM messages WHERE conversation_id = $1 AND direction = 'in'`, [sim.simulationId]);
    expect(inbound.map((row: { status: string }) => row.status)).toEqual(['processed', 'processed']);
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM turns WHERE conversation_id = $1`, [sim.simulationId]);
    expect(count).toBe(2);
    const [contact] = await db.query(`SELECT k.fields FROM contacts k JOIN conversations c ON c.contact_id = k.id WHERE c.id = $1`, [sim.simulationId]);
    expect(contact.fields).toEqual({ nome: 'Ana' });
    // The request that sent "Ana" hears of the turn (200) or gave up waiting (202); either way it did not fail.
    expect([200, 202]).toContain((await answer).status);
  });
});
