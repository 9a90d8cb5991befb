import { escapeLiteral } from 'pg';
import { prepareValue } from 'pg/lib/utils';
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
type PgClient = { query(text: string): Promise<PgScriptResult> };
type PgPool = PgClient & { totalCount: number; connect(): Promise<PgClient & { release(): void }> };

/**
 * A statement Postgres plans once per connection (SQL `PREPARE`, then `EXECUTE` with the values
 * as literals), so that it can travel in a `queryStatements` script with others.
 */
export type PreparedStatement = { name: string; text: string; values: unknown[] };
export type Statement = string | PreparedStatement;

/** The prepared statements of each connection (they live as long as it does, whatever its transactions do). */
const preparedOn = new WeakMap<object, Set<string>>();
const STATEMENT_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Several statements in one round trip (the simple query protocol: no parameters, so callers
 * inline only values they checked, such as uuids, or pass a `PreparedStatement`, whose values go
 * as escaped literals), each with its own snapshot, all in one implicit transaction unless the
 * script holds BEGIN or COMMIT; the rows of each. PGlite runs them one after the other (in one
 * transaction too).
 */
export async function queryStatements(db: Queryable, statements: Statement[]): Promise<unknown[][]> {
  const connection = pgConnectionOf(db) as unknown as PgClient | PgPool | undefined;
  if (!connection) return runOneByOne(db, statements);
  const script = async (client: PgClient) => {
    await prepareOnce(client, statements);
    try {
      const result = await client.query(statements.map(statementText).join(';\n'));
      return Array.isArray(result) ? result.map((each) => each.rows) : [result.rows];
    } catch (error) {
      // A prepared statement the connection no longer has (DISCARD ALL): prepare again next time.
      if ((error as { code?: string }).code === '26000') preparedOn.delete(client);
      throw error;
    }
  };
  if (!('totalCount' in connection)) return script(connection);
  // A pool: the statements must reach the connection their PREPARE went to.
  const client = await connection.connect();
  try {
    return await script(client);
  } finally {
    client.release();
  }
}

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|START)\b/i;

/**
 * PGlite: the statements one after the other. A script without BEGIN or COMMIT of its own runs in
 * a transaction, as Postgres runs it: a batch that fails leaves nothing behind to run twice.
 */
async function runOneByOne(db: Queryable, statements: Statement[]): Promise<unknown[][]> {
  const each = async (on: Queryable) => {
    const results: unknown[][] = [];
    for (const statement of statements) {
      results.push(typeof statement === 'string' ? await queryRows(on, statement) : await queryRows(on, statement.text, statement.values));
    }
    return results;
  };
  const controlled = statements.some((statement) => typeof statement === 'string' && TRANSACTION_CONTROL.test(statement));
  // An EntityManager is its caller's connection, maybe already in a transaction: as it is.
  if (controlled || !('manager' in db)) return each(db);
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('BEGIN');
    const results = await each(runner.manager);
    await runner.query('COMMIT');
    return results;
  } catch (error) {
    await runner.query('ROLLBACK');
    throw error;
  } finally {
    await runner.release();
  }
}

async function prepareOnce(client: PgClient, statements: Statement[]): Promise<void> {
  for (const statement of statements) {
    if (typeof statement === 'string') continue;
    const prepared = preparedOn.get(client) ?? new Set<string>();
    if (prepared.has(statement.name)) continue;
    if (!STATEMENT_NAME.test(statement.name)) throw new RangeError(`not a statement name: ${JSON.stringify(statement.name)}`);
    await client.query(`PREPARE ${statement.name} AS ${statement.text}`);
    prepared.add(statement.name);
    preparedOn.set(client, prepared);
  }
}

function statementText(statement: Statement): string {
  if (typeof statement === 'string') return statement;
  return `EXECUTE ${statement.name}(${statement.values.map(sqlLiteral).join(', ')})`;
}

/**
 * A parameter value as an SQL literal of unknown type (Postgres casts it to the parameter's type):
 * the text node-postgres would have sent for it, escaped.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  const text: unknown = prepareValue(value);
  if (typeof text !== 'string') throw new TypeError('binary values cannot be sent as SQL literals');
  return escapeLiteral(text);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** A Postgres server (node-postgres, a pool of connections), not the embedded PGlite (one connection, its transactions one at a time). */
export function onPostgresServer(db: Queryable): boolean {
  return pgConnectionOf(db) !== undefined;
}

function pgConnectionOf(db: Queryable): PgQueryable | undefined {
  const dataSource = 'manager' in db ? db : db.connection;
  // PGlite comes in as a driver of its own (see database.ts); node-postgres is the default one.
  if (dataSource.options.type !== 'postgres' || (dataSource.options as { driver?: unknown }).driver) return undefined;
  const runner = 'manager' in db ? undefined : db.queryRunner;
  if (runner) return (runner as unknown as { databaseConnection?: PgQueryable }).databaseConnection;
  return (dataSource.driver as unknown as { master?: PgQueryable }).master;
}
