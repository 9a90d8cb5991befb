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
