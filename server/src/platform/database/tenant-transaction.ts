import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one transaction as the `fluxo_tenant` role with the tenant set, so row-level
 * security hides every other tenant's rows even from a query that forgets its filter.
 */
export async function inTenantTransaction<T>(dataSource: DataSource, tenantId: string, work: (db: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (db) => {
    await db.query(`SELECT set_config('fluxo.tenant_id', $1, true), set_config('role', 'fluxo_tenant', true)`, [tenantId]);
    return work(db);
  });
}

/** A transaction with the server's own rights, for work that spans tenants (signup, workers' recovery). */
export async function inSystemTransaction<T>(dataSource: DataSource, work: (db: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}
