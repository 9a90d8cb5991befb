import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { API_KEY_PREFIX } from '../../platform/auth/auth.guard';
import { roleAtLeast } from '../../platform/auth/roles';
import type { AuthContext, Role } from '../../platform/auth/roles';
import { TokenService } from '../../platform/auth/token.service';
import { queryOne, queryRows } from '../../platform/database/sql';
import { inTenantTransaction } from '../../platform/database/tenant-transaction';
import { AppError, notFound } from '../../platform/errors/app-error';
import { recordAudit } from '../audit/record-audit';

type KeyRow = { id: string; name: string; prefix: string; role: Role; created_at: Date; last_used_at: Date | null; revoked_at: Date | null };
export type ApiKeyView = { id: string; name: string; prefix: string; role: Role; createdAt: string; lastUsedAt: string | null; revoked: boolean };
/** The only answer that holds the key itself: it is stored hashed and cannot be shown again. */
export type NewApiKeyView = ApiKeyView & { key: string };

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
  ) {}

  async listKeys(tenantId: string): Promise<ApiKeyView[]> {
    return inTenantTransaction(this.dataSource, tenantId, async (db) =>
      (await queryRows<KeyRow>(db, `SELECT * FROM api_keys WHERE tenant_id = $1 ORDER BY created_at`, [tenantId])).map(toView));
  }

  async createKey(auth: AuthContext, input: { name: string; role: Role }): Promise<NewApiKeyView> {
    if (!roleAtLeast(auth.role, input.role)) throw new AppError('forbidden', 'ROLE_TOO_HIGH', `A key cannot have the ${input.role} role: it is above yours.`);
    const { token, hash } = this.tokens.newOpaqueToken(API_KEY_PREFIX);
    return inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      const row = (await queryOne<KeyRow>(db,
        `INSERT INTO api_keys (tenant_id, name, prefix, key_hash, role, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [auth.tenantId, input.name, token.slice(0, 10), hash, input.role, auth.userId]))!;
      await recordAudit(db, { tenantId: auth.tenantId, actorId: auth.userId, action: 'api_key.created', targetType: 'api_key', targetId: row.id, details: { role: input.role } });
      return { ...toView(row), key: token };
    });
  }

  async revokeKey(auth: AuthContext, id: string): Promise<void> {
    await inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      const row = await queryOne(db, `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND tenant_id = $2 RETURNING id`, [id, auth.tenantId]);
      if (!row) throw notFound('The API key');
      await recordAudit(db, { tenantId: auth.tenantId, actorId: auth.userId, action: 'api_key.revoked', targetType: 'api_key', targetId: id });
    });
  }
}

function toView(row: KeyRow): ApiKeyView {
  return {
    id: row.id, name: row.name, prefix: row.prefix, role: row.role, createdAt: new Date(row.created_at).toISOString(),
    lastUsedAt: row.last_used_at ? new Date(row.last_used_at).toISOString() : null, revoked: row.revoked_at !== null,
  };
}
