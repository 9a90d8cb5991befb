import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Named secrets a tenant's flows use (an HTTP trigger's shared secret, later API tokens), encrypted at rest. */
export class TenantSecrets1764300000000 implements MigrationInterface {
  name = 'TenantSecrets1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE tenant_secrets (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        name text NOT NULL,
        -- AES-256-GCM: iv, auth tag and ciphertext, base64, joined by dots.
        sealed_value text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, name)
      )`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_secrets TO fluxo_tenant`);
    await db.query(`ALTER TABLE tenant_secrets ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY tenant_isolation ON tenant_secrets TO fluxo_tenant
      USING (tenant_id = current_setting('fluxo.tenant_id', true)::uuid)
      WITH CHECK (tenant_id = current_setting('fluxo.tenant_id', true)::uuid)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE tenant_secrets`);
  }
}
