import { EventEmitter } from 'node:events';
import type { PGlite, Results } from '@electric-sql/pglite';

type Callback = (error: Error | null, result?: unknown) => void;
type PgResult = { rows: unknown[]; rowCount: number; command: string; fields: unknown[] };

/**
 * PGlite is one Postgres session. TypeORM expects a `pg` pool, whose clients each own a session:
 * handing the one session to two query runners at once would interleave their transactions. This
 * pool lends the session to one client at a time and queues the rest, like a pool of size one.
 * Hence a rule for the code: never query through a second runner while holding a transaction.
 */
export function pglitePoolDriver(db: PGlite): { Pool: new () => EventEmitter } {
  let tail: Promise<void> = Promise.resolve();
  const acquire = (): Promise<() => void> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = tail.then(() => release);
    tail = tail.then(() => held);
    return ready;
  };

  // TypeORM listens for notices on its connection, so the client is an emitter too.
  const client = Object.assign(new EventEmitter(), {
    query(sql: string, params?: unknown[] | Callback, callback?: Callback): Promise<PgResult> {
      const cb = typeof params === 'function' ? params : callback;
      const values = Array.isArray(params) ? params : undefined;
      const run = values?.length ? db.query(sql, values).then((r) => toPgResult(sql, r)) : db.exec(sql).then((all) => toPgResult(sql, all[all.length - 1]));
      return run.then(
        (result) => (cb?.(null, result), result),
        (error: Error) => {
          cb?.(error);
          throw error;
        },
      );
    },
    release(): void {},
  });

  class PglitePool extends EventEmitter {
    connect(callback: (error: Error | null, connection?: typeof client, release?: () => void) => void): void {
      acquire().then(
        (release) => {
          let released = false;
          callback(null, client, () => {
            if (released) return;
            released = true;
            release();
          });
        },
        (error: Error) => callback(error),
      );
    }

    /** The database's lifetime is the owner's (closeDatabase), not TypeORM's. */
    end(callback?: (error: Error | null) => void): void {
      callback?.(null);
    }
  }
  return { Pool: PglitePool };
}

function toPgResult(sql: string, result: Results<unknown> | undefined): PgResult {
  const rows = (result?.rows ?? []) as unknown[];
  const command = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
  return { rows, rowCount: result?.affectedRows ?? rows.length, command, fields: result?.fields ?? [] };
}
