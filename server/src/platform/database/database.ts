import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { vector } from '@electric-sql/pglite/vector';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../../../migrations';
import { pglitePoolDriver } from './pglite-pool';

export type DatabaseTarget =
  /** A Postgres server. */
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** Embedded PGlite in a folder, or in memory (tests) when `dataDir` is 'memory://'. */
  | { kind: 'pglite'; dataDir: string };

export type Database = { dataSource: DataSource; target: DatabaseTarget; close(): Promise<void> };

/** Opens the database and runs pending migrations (the schema never changes any other way). */
export async function openDatabase(target: DatabaseTarget, options: { migrate?: boolean } = {}): Promise<Database> {
  let pglite: PGlite | undefined;
  let dataSource: DataSource;
  if (target.kind === 'pglite') {
    if (target.dataDir !== 'memory://') mkdirSync(resolve(target.dataDir), { recursive: true });
    pglite = await PGlite.create(target.dataDir === 'memory://' ? 'memory://' : resolve(target.dataDir), { extensions: { vector, pgcrypto } });
    dataSource = new DataSource({ type: 'postgres', driver: pglitePoolDriver(pglite), migrations, migrationsTransactionMode: 'each' });
  } else {
    dataSource = new DataSource({
      type: 'postgres', url: target.url, migrations, migrationsTransactionMode: 'each', poolSize: target.poolSize ?? 20,
      // A process that dies while its statement waits for a lock (a turn's write and COMMIT travel
      // as one message) has its transaction aborted within a second, instead of committed when the
      // lock comes free, or holding locks until TCP gives up.
      extra: { options: '-c client_connection_check_interval=1000' },
    });
  }
  await dataSource.initialize();
  if (options.migrate !== false) await runMigrationsOnce(dataSource, target);
  return {
    dataSource,
    target,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await pglite?.close();
    },
  };
}

export function databaseTarget(config: { databaseUrl: string | undefined; dataDir: string }): DatabaseTarget {
  return config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: resolve(config.dataDir, 'pglite') };
}

/** Every process runs migrations at start; an advisory lock makes the others wait for the first. */
async function runMigrationsOnce(dataSource: DataSource, target: DatabaseTarget): Promise<void> {
  if (target.kind === 'pglite') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const lock = new Client({ connectionString: target.url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.end();
  }
}

/** An arbitrary constant naming Fluxo's migration lock. */
const MIGRATION_LOCK = 0x466c7578;
