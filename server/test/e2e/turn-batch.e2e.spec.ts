import { randomUUID } from 'node:crypto';
import type { TurnResult } from '@fluxo/engine';
import type { DataSource } from 'typeorm';
import { nextEvent } from '../../src/runtime-host/pending-event';
import { STRAGGLER_WAIT_MS, TurnBatches } from '../../src/runtime-host/turn-batch';
import type { OpenTurn } from '../../src/runtime-host/turn-store';
import { insertLiveConversation } from '../factories/conversation-factory';
import { useTestApp } from '../support/test-app';

/** A conversation with one inbound message waiting for its turn. */
async function waitingConversation(db: DataSource, tenantId: string): Promise<{ conversationId: string; messageId: string }> {
  const conversationId = await insertLiveConversation(db, tenantId);
  const [message] = await db.query(
    `INSERT INTO messages (tenant_id, conversation_id, direction, type, content, channel, status)
     VALUES ($1, $2, 'in', 'text', '{"kind":"message","message":{"type":"text","text":"oi"}}', 'simulator', 'received') RETURNING id`,
    [tenantId, conversationId]);
  return { conversationId, messageId: message.id as string };
}

/** A turn that answers `text` to the waiting message, after `before` (a slow flow's call). */
function replyTurn(text: string, calls: string[], before?: () => Promise<void>) {
  return async (turn: OpenTurn) => {
    calls.push(text);
    const next = nextEvent(turn.context!.mailbox, { mergeTexts: false })!;
    if (before) await before();
    const result: TurnResult = {
      status: 'ended', state: { schemaVersion: 1, status: 'ended', vars: {}, nodes: {}, callStack: [], turns: 1 },
      outbound: [{ kind: 'text', text }], trace: [], timers: [],
    };
    const committed = await turn.commit({ turnId: randomUUID(), next, result, status: 'ended', session: null });
    return committed.replies.map((reply) => reply.message);
  };
}

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return { opened, open };
};

describe('turn batches (Postgres)', () => {
  const t = useTestApp({ runsWorker: false });
  const db = () => t.database.dataSource;
  /** One batch at a time: the first turn goes alone, and those submitted with it wait and go together. */
  const batches = () => new TurnBatches(db(), { maxTurns: 16, maxOpen: 1 });
  /** A new tenant's `count` conversations, each with a message waiting. */
  const waiting = async (count: number) => {
    const owner = await t.client.signup();
    return Promise.all(Array.from({ length: count }, () => waitingConversation(db(), owner.tenantId)));
  };

  const writerOf = async (turnIds: string[]) => (await db().query(
    `SELECT count(DISTINCT xmin::text)::int AS transactions FROM turns WHERE conversation_id = ANY($1::uuid[])`, [turnIds]))[0].transactions as number;
  const outboxOf = async (conversationId: string) => (await db().query(`SELECT message ->> 'text' AS text FROM outbox WHERE conversation_id = $1`, [conversationId]))
    .map((row: { text: string }) => row.text);
  const statusOf = async (messageId: string) => (await db().query(`SELECT status FROM messages WHERE id = $1`, [messageId]))[0].status as string;

  it("writes the turns of several tenants' conversations in one transaction, each as its own tenant", async () => {
    const owners = [await t.client.signup(), await t.client.signup()];
    const first = await waitingConversation(db(), owners[0]!.tenantId);
    const together = await Promise.all([0, 1, 0, 1, 0].map((i) => waitingConversation(db(), owners[i]!.tenantId)));
    const calls: string[] = [];
    const turns = batches();
    const answers = await Promise.all([first, ...together].map(({ conversationId }, i) => turns.run(conversationId, replyTurn(`r${i}`, calls))));

    expect(answers).toEqual([0, 1, 2, 3, 4, 5].map((i) => [{ kind: 'text', text: `r${i}` }]));
    expect(await writerOf(together.map((each) => each.conversationId))).toBe(1);
    expect(await writerOf([first.conversationId, together[0]!.conversationId])).toBe(2);
    for (const [i, { conversationId, messageId }] of together.entries()) {
      expect(await outboxOf(conversationId)).toEqual([`r${i + 1}`]);
      expect(await statusOf(messageId)).toBe('processed');
    }
    // Each row carries its own conversation's tenant (row-level security checked every write).
    const [{ wrong }] = await db().query(
      `SELECT count(*)::int AS wrong FROM outbox o JOIN conversations c ON c.id = o.conversation_id WHERE o.tenant_id <> c.tenant_id`);
    expect(wrong).toBe(0);
  });

  it('lets a slow turn go: the others commit at once, and it writes on its own when it is done', async () => {
    const [first, slow, fast1, fast2] = await waiting(4);
    const calls: string[] = [];
    const slowCall = gate();
    const turns = batches();
    const pending = [first!, slow!, fast1!, fast2!].map(({ conversationId }, i) =>
      turns.run(conversationId, replyTurn(`r${i}`, calls, i === 1 ? () => slowCall.opened : undefined)));
    await Promise.all([pending[2], pending[3]]);

    expect(await outboxOf(fast1!.conversationId)).toEqual(['r2']);
    expect(await outboxOf(slow!.conversationId)).toEqual([]);
    slowCall.open();
    expect(await pending[1]).toEqual([{ kind: 'text', text: 'r1' }]);
    expect(await outboxOf(slow!.conversationId)).toEqual(['r1']);
    expect(await writerOf([slow!.conversationId, fast1!.conversationId])).toBe(2);
    // It ran once: nothing changed meanwhile, so its result stood.
    expect(calls.filter((call) => call === 'r1')).toHaveLength(1);
  });

  it('runs a let-go turn again when its conversation changed meanwhile, and keeps only the second run', async () => {
    const [first, slow, fast] = await waiting(3);
    const calls: string[] = [];
    const slowCall = gate();
    let runs = 0;
    const turns = batches();
    const pending = [first!, slow!, fast!].map(({ conversationId }, i) => turns.run(conversationId, replyTurn(`r${i}`, calls, i === 1
      ? async () => { runs += 1; if (runs === 1) await slowCall.opened; }
      : undefined)));
    await pending[2];
    await new Promise((resolve) => setTimeout(resolve, STRAGGLER_WAIT_MS * 2));
    // A human took the conversation while its turn was out.
    await db().query(`UPDATE conversations SET bot_paused_until = now() - interval '1 second' WHERE id = $1`, [slow!.conversationId]);
    slowCall.open();

    expect(await pending[1]).toEqual([{ kind: 'text', text: 'r1' }]);
    expect(runs).toBe(2);
    expect(await outboxOf(slow!.conversationId)).toEqual(['r1']);
    const [{ turns: written }] = await db().query(`SELECT count(*)::int AS turns FROM turns WHERE conversation_id = $1`, [slow!.conversationId]);
    expect(written).toBe(1);
  });

  it("fails a turn whose write fails alone: the batch's other turns are written without running again", async () => {
    const [first, good, bad] = await waiting(3);
    const calls: string[] = [];
    const turns = batches();
    const badTurn = async (turn: OpenTurn) => {
      calls.push('bad');
      const next = nextEvent(turn.context!.mailbox, { mergeTexts: false })!;
      const result: TurnResult = { status: 'ended', state: { schemaVersion: 1, status: 'ended', vars: {}, nodes: {}, callStack: [], turns: 1 }, outbound: [], trace: [], timers: [] };
      // A status the turns table refuses (NOT NULL).
      return turn.commit({ turnId: randomUUID(), next, result, status: null as unknown as string, session: null });
    };
    const results = await Promise.allSettled([
      turns.run(first!.conversationId, replyTurn('r0', calls)),
      turns.run(good!.conversationId, replyTurn('r1', calls)),
      turns.run(bad!.conversationId, badTurn),
    ]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect(await outboxOf(good!.conversationId)).toEqual(['r1']);
    expect(await statusOf(bad!.messageId)).toBe('received');
    expect(calls.filter((call) => call === 'r1')).toHaveLength(1);
  });

  it("runs again, on its own, a turn whose read failed only because another turn's statement failed the batch's transaction", async () => {
    const [first, broken, reader] = await waiting(3);
    const calls: string[] = [];
    const failed = gate();
    let reads = 0;
    const turns = batches();
    const results = await Promise.allSettled([
      turns.run(first!.conversationId, replyTurn('r0', calls)),
      turns.run(broken!.conversationId, async (turn: OpenTurn) => {
        try {
          return await turn.db.query('SELECT 1 / 0');
        } finally {
          failed.open();
        }
      }),
      turns.run(reader!.conversationId, async (turn: OpenTurn) => {
        reads += 1;
        if (reads === 1) await failed.opened;
        await turn.db.query('SELECT 1');
        return replyTurn('r2', calls)(turn);
      }),
    ]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain('division by zero');
    expect(reads).toBe(2);
    expect(await outboxOf(reader!.conversationId)).toEqual(['r2']);
  });

  it('leaves a conversation another transaction holds to a turn of its own, which waits; the batch does not', async () => {
    const [first, held, free] = await waiting(3);
    const holder = db().createQueryRunner();
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE', [held!.conversationId]);
    const calls: string[] = [];
    const turns = batches();
    const pending = [first!, held!, free!].map(({ conversationId }, i) => turns.run(conversationId, replyTurn(`r${i}`, calls)));
    try {
      expect(await pending[2]).toEqual([{ kind: 'text', text: 'r2' }]);
      expect(calls).not.toContain('r1');
    } finally {
      await holder.query('COMMIT');
      await holder.release();
    }
    expect(await pending[1]).toEqual([{ kind: 'text', text: 'r1' }]);
  });
});
