import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase } from '../../src/platform/database/database';
import type { Database } from '../../src/platform/database/database';

export type TestDatabaseKind = 'postgres' | 'pglite';

/** The Postgres server tests use: TEST_DATABASE_URL, or the local server CI starts. */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A fresh, migrated database of its own for one test file: a new database on the Postgres server
 * (dropped on close), or an in-memory PGlite. A missing server fails the test, never skips it.
 */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<Database> {
  if (kind === 'pglite') return openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  const name = `fluxo_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Tests need Postgres at ${TEST_POSTGRES_URL} (set TEST_DATABASE_URL, or start it: see .ci/run): ${(error as Error).message}`);
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
