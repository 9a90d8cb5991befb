import type { DataSource } from 'typeorm';
import { isUuid, onPostgresServer, queryStatements } from '../platform/database/sql';
import type { PreparedStatement, Statement } from '../platform/database/sql';
import { GENERIC_PLANS, inConversationTransaction, lockConversation, TENANT_ROLE, toTurnContext, turnContexts, turnWriteStatements } from './turn-store';
import type { CommittedWrite, ContextRow, OpenTurn, TurnContext, TurnWrite } from './turn-store';

type Work = (turn: OpenTurn) => Promise<unknown>;

type Member = {
  conversationId: string;
  work: Work;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

/** A member's write, waiting for its batch's script. */
type PendingWrite = ScopedWrite & {
  member: LockedMember;
  write: TurnWrite;
  deliveryHolder: string | undefined;
  resolve: (value: CommittedWrite) => void;
  reject: (error: unknown) => void;
};

type LockedMember = Member & { context: TurnContext | null; rowVersion: string | null; state: 'running' | 'asked' | 'detached' };

/**
 * A turn written after its conversation's lock was let go found the conversation changed meanwhile
 * (another turn, a human taking over): its result is dropped and the turn runs again.
 */
class ConversationChangedMeanwhile extends Error {}

/**
 * How long a batch waits, after the last of its turns asked to commit, for the others: a turn still
 * running then (its flow waits for an HTTP call, a model) is let go and writes on its own later,
 * so that one slow flow does not hold back the replies of the conversations batched with it.
 */
export const STRAGGLER_WAIT_MS = 25;

/**
 * Turns of different conversations that start while other turns of this process are opening go
 * together in one transaction: one round trip locks and reads them all, each runs its engine, and
 * one round trip writes them all and commits (group commit). Under load a turn then costs Postgres
 * a fraction of the transaction it costs alone. An idle process's turn goes alone, at once, as
 * `inConversationTransaction` runs it.
 *
 * - A batch locks only rows no one else holds (SKIP LOCKED): a conversation whose row another
 *   transaction has goes on its own and waits there, so a batch never waits for a lock and batches
 *   never deadlock. Two turns of one conversation never share a batch.
 * - Its turns read as the connection's own role (a batch may hold several tenants); each write sets
 *   its tenant and runs as the tenant's role, so row-level security covers what it writes.
 * - A turn that is still running `STRAGGLER_WAIT_MS` after the others asked to commit is let go: the
 *   batch commits without it, and it writes later in a transaction of its own, which first checks
 *   that nothing changed since its read (the conversation row's version, the mailbox items it took).
 *   A batch whose write fails rolls back, and each of its turns writes on its own the same way, so
 *   one bad turn fails alone and the others' engines do not run twice. Only a turn whose
 *   conversation changed meanwhile runs again (from scratch, on its own), and so does one whose read
 *   failed because another turn's statement had failed the shared transaction.
 */
export class TurnBatches {
  private waiting: Member[] = [];
  private open = 0;
  /**
   * PGlite runs one transaction at a time: a batch would hold it while a turn let go waits for it
   * to write on its own. There every turn goes alone.
   */
  private batching: boolean | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: { maxTurns: number; maxOpen: number },
  ) {}

  /** Runs `work` in a transaction holding the conversation's row lock, as `inConversationTransaction` does. */
  run<T>(conversationId: string, work: (turn: OpenTurn) => Promise<T>): Promise<T | null> {
    if (!isUuid(conversationId)) return Promise.resolve(null);
    this.batching ??= onPostgresServer(this.dataSource);
    if (!this.batching) return inConversationTransaction(this.dataSource, conversationId, work);
    return new Promise<T | null>((resolve, reject) => {
      this.waiting.push({ conversationId, work, resolve: resolve as (value: unknown) => void, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.open < this.limits.maxOpen && this.waiting.length) {
      const batch = this.takeBatch();
      this.open += 1;
      // The place is free once the batch committed; its let-go turns finish on their own time.
      void this.runBatch(batch).finally(() => {
        this.open -= 1;
        this.next();
      });
    }
  }

  private takeBatch(): Member[] {
    const batch: Member[] = [];
    const ids = new Set<string>();
    const later: Member[] = [];
    for (const member of this.waiting) {
      if (batch.length < this.limits.maxTurns && !ids.has(member.conversationId)) {
        batch.push(member);
        ids.add(member.conversationId);
      } else {
        later.push(member);
      }
    }
    this.waiting = later;
    return batch;
  }

  /** Resolves once the batch committed (or handed its turns on); the connection goes back when every turn is done with it. */
  private async runBatch(members: Member[]): Promise<void> {
    if (members.length === 1) {
      void this.alone(members[0]!);
      return;
    }
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let release: Promise<void> = Promise.resolve();
    try {
      const ids = members.map((member) => member.conversationId);
      let opened: unknown[][];
      try {
        opened = await queryStatements(runner.manager, ['BEGIN', GENERIC_PLANS, lockConversations(ids), turnContexts(ids)]);
      } catch {
        // Nothing ran yet: each turn goes on its own, where an error is its own.
        await runner.query('ROLLBACK').catch(() => undefined);
        for (const member of members) void this.alone(member);
        return;
      }
      const lockedIds = new Set((opened[2] as Array<{ id: string }>).map((row) => row.id));
      const contexts = new Map((opened[3] as ContextRow[]).map((row) => [row.id, row]));
      // Held elsewhere (or gone): on its own, where it waits for the lock.
      for (const member of members) if (!lockedIds.has(member.conversationId)) void this.alone(member);
      const locked: LockedMember[] = members.filter((member) => lockedIds.has(member.conversationId)).map((member) => {
        const row = contexts.get(member.conversationId);
        return { ...member, context: toTurnContext(row), rowVersion: row?.row_version ?? null, state: 'running' };
      });
      release = (await this.runLocked(runner.manager, locked)).settled;
    } finally {
      void release.finally(() => runner.release());
    }
  }

  private async alone(member: Member): Promise<void> {
    try {
      member.resolve(await inConversationTransaction(this.dataSource, member.conversationId, member.work));
    } catch (error) {
      member.reject(error);
    }
  }

  /**
   * Each turn runs; the batch writes once every one asked to commit or finished without a write (a
   * paused conversation's held messages), or when the rest are let go. Answers when the batch has
   * committed, with `settled`: when every turn is done with the connection.
   */
  private async runLocked(db: OpenTurn['db'], members: LockedMember[]): Promise<{ settled: Promise<void> }> {
    const writes: PendingWrite[] = [];
    let flushed = false;
    let wake!: () => void;
    const ready = new Promise<void>((resolve) => { wake = resolve; });
    let straggling: NodeJS.Timeout | undefined;
    const progressed = () => {
      if (members.every((member) => member.state !== 'running')) return wake();
      clearTimeout(straggling);
      // After the poll phase too, so a turn whose answer just came in is not let go for a timer.
      straggling = setTimeout(() => setImmediate(wake), STRAGGLER_WAIT_MS);
    };
    const outcomes = members.map(async (member) => {
      const { context } = member;
      const turn: OpenTurn = {
        db, context,
        commit: (write, deliveryHolder) => {
          if (!context) throw new Error('no turn to commit: the conversation is gone');
          if (flushed) return this.writeAlone(member, write, deliveryHolder);
          member.state = 'asked';
          const promise = new Promise<CommittedWrite>((resolve, reject) => {
            writes.push({ ...scopedWrite(context, write, deliveryHolder), member, write, deliveryHolder, resolve, reject });
          });
          progressed();
          return promise;
        },
      };
      try {
        return { ok: true as const, value: await member.work(turn) };
      } catch (error) {
        return { ok: false as const, error };
      } finally {
        if (member.state === 'running') {
          member.state = 'asked';
          progressed();
        }
      }
    });
    // Turns that all wait from the start (every flow calls out) are let go too, not only those behind the others.
    if (members.length) progressed();
    await ready;
    clearTimeout(straggling);
    flushed = true;
    for (const member of members) if (member.state === 'running') member.state = 'detached';
    await this.flush(db, writes);
    // Each turn answers as soon as it is done: one let go does not hold back the others' replies.
    const settled = Promise.all(outcomes.map(async (outcomeOf, index) => {
      const outcome = await outcomeOf;
      const member = members[index]!;
      if (outcome.ok) member.resolve(outcome.value);
      else if (outcome.error instanceof ConversationChangedMeanwhile || abortedByAnother(outcome.error)) void this.alone(member);
      else member.reject(outcome.error);
    })).then(() => undefined);
    return { settled };
  }

  /** Every write in one round trip with COMMIT; if it fails, each write goes on its own. */
  private async flush(db: OpenTurn['db'], writes: PendingWrite[]): Promise<void> {
    let results: unknown[][];
    try {
      results = await queryStatements(db, [...writes.flatMap((write) => write.statements), 'COMMIT']);
    } catch {
      await db.query('ROLLBACK').catch(() => undefined);
      for (const write of writes) this.writeAlone(write.member, write.write, write.deliveryHolder).then(write.resolve, write.reject);
      return;
    }
    let at = 0;
    for (const write of writes) {
      write.resolve(write.read(results.slice(at, at + write.statements.length)));
      at += write.statements.length;
    }
  }

  /**
   * A turn's write in a transaction of its own, after the batch let go of its lock: it takes the
   * lock again and writes only if the conversation is as the turn read it.
   */
  private async writeAlone(member: LockedMember, write: TurnWrite, deliveryHolder: string | undefined): Promise<CommittedWrite> {
    const context = member.context!;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const opened = await queryStatements(runner.manager, ['BEGIN', GENERIC_PLANS, lockConversation(member.conversationId),
        unchangedSince(member.conversationId, member.rowVersion ?? '', write)]);
      if (!(opened[3]?.[0] as { unchanged?: boolean } | undefined)?.unchanged) throw new ConversationChangedMeanwhile(`conversation ${member.conversationId} changed during its turn`);
      const { statements, read } = scopedWrite(context, write, deliveryHolder);
      return read(await queryStatements(runner.manager, [...statements, 'COMMIT']));
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}

/**
 * A turn whose read failed only because another turn's statement had already failed the shared
 * transaction (Postgres refuses every statement after that): nothing of it was written, so it runs
 * again on its own rather than fail a job for someone else's error.
 */
function abortedByAnother(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === IN_FAILED_TRANSACTION;
}

const IN_FAILED_TRANSACTION = '25P02';

/** Locks the rows no other transaction holds, in key order; answers those it locked. */
function lockConversations(conversationIds: string[]): PreparedStatement {
  return {
    name: 'fluxo_turn_lock_many',
    text: 'SELECT id FROM conversations WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE SKIP LOCKED',
    values: [conversationIds],
  };
}

/**
 * Whether the conversation is as a turn read it: the same row version (every turn that changes its
 * state writes the row, and so do a human taking over and a moved reply address), and the mailbox
 * items the turn took still waiting.
 */
function unchangedSince(conversationId: string, rowVersion: string, write: TurnWrite): PreparedStatement {
  return {
    name: 'fluxo_turn_unchanged',
    text: `
      SELECT c.xmin::text = $2
             AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.id = ANY($3::uuid[]) AND m.status <> 'received')
             AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM timers tm WHERE tm.id = $4 AND tm.status = 'pending')) AS unchanged
        FROM conversations c WHERE c.id = $1`,
    values: [conversationId, rowVersion, write.next.messageIds, write.next.timerId ?? null],
  };
}

type ScopedWrite = { statements: Statement[]; read: (results: unknown[][]) => CommittedWrite };

/**
 * A turn's write as statements that stand on their own in a script shared with other tenants'
 * writes: its tenant's setting and role first (row-level security), the connection's own role
 * again after; and how to read its answer from the results of exactly these statements.
 */
function scopedWrite(context: TurnContext, write: TurnWrite, deliveryHolder: string | undefined): ScopedWrite {
  const tenantId = context.conversation.tenantId;
  if (!isUuid(tenantId)) throw new Error(`not a tenant id: ${tenantId}`);
  const { written, delivery, read } = turnWriteStatements(context, write, deliveryHolder);
  return {
    // The delivery's statements begin with RESET ROLE; without them the write resets it itself.
    statements: [`SELECT set_config('fluxo.tenant_id', '${tenantId}', true)`, TENANT_ROLE, written, ...(delivery.length ? delivery : ['RESET ROLE'])],
    read: (results) => read(results.slice(2)),
  };
}

