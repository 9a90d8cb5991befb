import { createTestDatabase } from '../support/test-database';
import { botTexts, insertLiveConversation, receiveText } from '../factories/conversation-factory';
import { graphOf, insertFlow } from '../factories/flow-factory';
import { startTestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

/**
 * The embedded default keeps jobs in memory: a restart loses them, and the database must bring
 * them back. A delay that was running when the process stopped still fires after it starts again.
 */
describe('a restart with a timer pending (Postgres, in-process jobs)', () => {
  it('fires the timer in the new process, once', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const before = await startTestApp({ database });
      const owner = await before.client.signup();
      await insertFlow(database.dataSource, owner.tenantId, graphOf(
        [['start', 'fluxo.messageTrigger', { mode: 'any' }], ['hello', 'fluxo.sendMessage', { kind: 'text', text: 'Já volto' }],
          ['wait', 'fluxo.delay', { amount: 1, unit: 'seconds' }], ['back', 'fluxo.sendMessage', { kind: 'text', text: 'Voltei!' }]],
        ['start>hello', 'hello>wait', 'wait>back'],
      ));
      const conversationId = await insertLiveConversation(database.dataSource, owner.tenantId);
      await receiveText(before.app, owner.tenantId, conversationId, 'oi');
      await waitFor(async () => (await botTexts(database.dataSource, conversationId)).length === 1);
      await before.close(); // the in-process queue, and the delayed job in it, are gone

      const after = await startTestApp({ database });
      try {
        await waitFor(async () => (await botTexts(database.dataSource, conversationId)).length === 2, 10_000);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await botTexts(database.dataSource, conversationId)).toEqual(['Já volto', 'Voltei!']);
        const [timer] = await database.dataSource.query(`SELECT status FROM timers WHERE conversation_id = $1 AND kind = 'node'`, [conversationId]);
        expect(timer.status).toBe('fired');
      } finally {
        await after.close();
      }
    } finally {
      await database.close();
    }
  });
});
