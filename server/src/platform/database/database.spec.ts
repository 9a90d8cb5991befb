import { createTestDatabase } from '../../../test/support/test-database';
import { inTenantTransaction } from './tenant-transaction';

describe.each(['pglite', 'postgres'] as const)('the database on %s', (kind) => {
  it('migrates, runs concurrent transactions apart, and enforces row-level security', async () => {
    const database = await createTestDatabase(kind);
    try {
      const db = database.dataSource;
      const [a] = await db.query(`INSERT INTO tenants (name) VALUES ('a') RETURNING id`);
      const [b] = await db.query(`INSERT INTO tenants (name) VALUES ('b') RETURNING id`);
      const when = new Date('2026-05-13T13:00:00Z');
      // Two transactions at once: on PGlite's single session they would interleave their statements.
      await Promise.all([a.id, b.id].map((tenantId: string) => db.transaction(async (tx) => {
        await tx.query(`INSERT INTO flows (tenant_id, name, graph, created_at) VALUES ($1, 'f', '{}', $2)`, [tenantId, when]);
        await new Promise((resolve) => setTimeout(resolve, 20));
        await tx.query(`UPDATE flows SET name = name || '!' WHERE tenant_id = $1`, [tenantId]);
      })));
      const rows = await db.query(`SELECT name, created_at FROM flows ORDER BY name`);
      expect(rows.map((r: { name: string }) => r.name)).toEqual(['f!', 'f!']);
      expect(new Date(rows[0].created_at).toISOString()).toBe(when.toISOString());
      const seen = await inTenantTransaction(db, a.id, (tx) => tx.query(`SELECT tenant_id FROM flows`));
      expect(seen).toEqual([{ tenant_id: a.id }]);
      await expect(inTenantTransaction(db, a.id, (tx) => tx.query(`INSERT INTO flows (tenant_id, name, graph) VALUES ($1, 'x', '{}')`, [b.id])))
        .rejects.toThrow(/row-level security/);
      if (kind === 'postgres') return; // Debian's Postgres here has no pgvector; docker-compose's image does.
      // The knowledge base (vectors) and credential helpers (pgcrypto) rely on these two.
      await db.query(`CREATE EXTENSION IF NOT EXISTS vector; CREATE EXTENSION IF NOT EXISTS pgcrypto`);
      const [vector] = await db.query(`SELECT ('[1,2,3]'::vector <-> '[1,2,4]'::vector) AS distance, encode(digest('fluxo', 'sha256'), 'hex') AS digest`);
      expect(vector.distance).toBe(1);
      expect(vector.digest).toHaveLength(64);
    } finally {
      await database.close();
    }
  });
});
