import type { DataSource, EntityManager } from 'typeorm';

export type Queryable = DataSource | EntityManager;

/**
 * The rows of a statement. TypeORM answers UPDATE and DELETE with [rows, affectedCount] and
 * everything else with rows; this hides the difference (rows are objects, never arrays).
 */
export async function queryRows<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await db.query(sql, params);
  if (Array.isArray(result) && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

export async function queryOne<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await queryRows<T>(db, sql, params))[0];
}

/** Rows changed by an UPDATE or DELETE. */
export async function affectedRows(db: Queryable, sql: string, params: unknown[] = []): Promise<number> {
  const result: unknown = await db.query(sql, params);
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

type PgQueryable = { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> };

/**
 * `queryRows` as a named prepared statement, for the statements every turn runs: Postgres then
 * plans them once per connection (planning these CTEs took several times longer than running
 * them). Only on a real Postgres connection; PGlite runs the text as `queryRows` does.
 */
export async function queryPrepared<T>(db: Queryable, name: string, text: string, values: unknown[]): Promise<T[]> {
  const connection = pgConnectionOf(db);
  if (!connection) return queryRows<T>(db, text, values);
  return (await connection.query({ name, text, values })).rows as T[];
}

export async function queryPreparedOne<T>(db: Queryable, name: string, text: string, values: unknown[]): Promise<T | undefined> {
  return (await queryPrepared<T>(db, name, text, values))[0];
}

type PgScriptResult = { rows: unknown[] } | Array<{ rows: unknown[] }>;

/**
 * Several statements in one round trip (the simple query protocol: no parameters, so callers
 * inline only values they checked, such as uuids), each with its own snapshot, all in one implicit
 * transaction; the rows of each. PGlite runs them one after the other.
 */
export async function queryStatements(db: Queryable, statements: string[]): Promise<unknown[][]> {
  const connection = pgConnectionOf(db) as unknown as { query(text: string): Promise<PgScriptResult> } | undefined;
  if (!connection) {
    const results: unknown[][] = [];
    for (const statement of statements) results.push(await queryRows(db, statement));
    return results;
  }
  const result = await connection.query(statements.join(';\n'));
  return Array.isArray(result) ? result.map((each) => each.rows) : [result.rows];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid as an SQL literal, for `queryStatements`; anything else throws (it would be injection). */
export function uuidLiteral(value: string): string {
  if (!UUID.test(value)) throw new RangeError(`not a uuid: ${JSON.stringify(value)}`);
  return `'${value.toLowerCase()}'::uuid`;
}

function pgConnectionOf(db: Queryable): PgQueryable | undefined {
  const dataSource = 'manager' in db ? db : db.connection;
  // PGlite comes in as a driver of its own (see database.ts); node-postgres is the default one.
  if (dataSource.options.type !== 'postgres' || (dataSource.options as { driver?: unknown }).driver) return undefined;
  const runner = 'manager' in db ? undefined : db.queryRunner;
  if (runner) return (runner as unknown as { databaseConnection?: PgQueryable }).databaseConnection;
  return (dataSource.driver as unknown as { master?: PgQueryable }).master;
}
