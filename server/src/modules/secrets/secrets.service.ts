import { Inject, Injectable } from '@nestjs/common';
import type { SecretsPort } from '@fluxo/node-sdk';
import { NodeConfigError } from '@fluxo/node-sdk';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../platform/auth/roles';
import { SECRET_KEY } from '../../platform/auth/token.service';
import { SecretBox } from '../../platform/crypto/secret-box';
import { queryOne, queryRows } from '../../platform/database/sql';
import type { Queryable } from '../../platform/database/sql';
import { inTenantTransaction } from '../../platform/database/tenant-transaction';
import { notFound } from '../../platform/errors/app-error';
import { recordAudit } from '../audit/record-audit';

export type SecretView = { name: string; updatedAt: string };

/** A tenant's named secrets. Values go in and are used by flows; they never come back out of the API. */
@Injectable()
export class SecretsService {
  private readonly box: SecretBox;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SECRET_KEY) secretKey: string,
  ) {
    this.box = new SecretBox(secretKey);
  }

  async listSecrets(tenantId: string): Promise<SecretView[]> {
    return inTenantTransaction(this.dataSource, tenantId, async (db) =>
      (await queryRows<{ name: string; updated_at: Date }>(db, `SELECT name, updated_at FROM tenant_secrets WHERE tenant_id = $1 ORDER BY name`, [tenantId]))
        .map((row) => ({ name: row.name, updatedAt: new Date(row.updated_at).toISOString() })));
  }

  async putSecret(auth: AuthContext, name: string, value: string): Promise<SecretView> {
    const sealed = this.box.seal(value, context(auth.tenantId, name));
    return inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      const row = (await queryOne<{ updated_at: Date }>(db,
        `INSERT INTO tenant_secrets (tenant_id, name, sealed_value) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, name) DO UPDATE SET sealed_value = EXCLUDED.sealed_value, updated_at = now() RETURNING updated_at`,
        [auth.tenantId, name, sealed]))!;
      await recordAudit(db, { tenantId: auth.tenantId, actorId: auth.userId, action: 'secret.saved', targetType: 'secret', targetId: name });
      return { name, updatedAt: new Date(row.updated_at).toISOString() };
    });
  }

  async deleteSecret(auth: AuthContext, name: string): Promise<void> {
    await inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      const row = await queryOne(db, `DELETE FROM tenant_secrets WHERE tenant_id = $1 AND name = $2 RETURNING name`, [auth.tenantId, name]);
      if (!row) throw notFound('The secret');
      await recordAudit(db, { tenantId: auth.tenantId, actorId: auth.userId, action: 'secret.deleted', targetType: 'secret', targetId: name });
    });
  }

  /** The port nodes read secrets through, for one tenant. */
  portFor(db: Queryable, tenantId: string): SecretsPort {
    return {
      get: async (name: string) => {
        const row = await queryOne<{ sealed_value: string }>(db, `SELECT sealed_value FROM tenant_secrets WHERE tenant_id = $1 AND name = $2`, [tenantId, name]);
        if (!row) throw new NodeConfigError(`The secret "${name}" does not exist: add it in Settings → Secrets.`, 'SECRET_MISSING');
        return this.box.open(row.sealed_value, context(tenantId, name));
      },
    };
  }
}

const context = (tenantId: string, name: string) => `tenant-secret:${tenantId}:${name}`;
