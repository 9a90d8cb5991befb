import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../platform/auth/roles';
import { queryOne } from '../../platform/database/sql';
import { inTenantTransaction } from '../../platform/database/tenant-transaction';
import { AppError } from '../../platform/errors/app-error';
import { assertTimeZone } from '../../platform/time/time-zone';
import { recordAudit } from '../audit/record-audit';

type TenantRow = { id: string; name: string; time_zone: string; fallback_flow_id: string | null; created_at: Date };
export type TenantView = { id: string; name: string; timeZone: string; fallbackFlowId: string | null; createdAt: string };
export type TenantPatch = { name?: string; timeZone?: string; fallbackFlowId?: string | null };

/** The caller's own tenant: its name, time zone, and the catch-all flow for messages no trigger matches. */
@Injectable()
export class TenantsService {
  constructor(private readonly dataSource: DataSource) {}

  async getTenant(tenantId: string): Promise<TenantView> {
    return inTenantTransaction(this.dataSource, tenantId, async (db) => toView((await queryOne<TenantRow>(db, `SELECT * FROM tenants WHERE id = $1`, [tenantId]))!));
  }

  async updateTenant(auth: AuthContext, patch: TenantPatch): Promise<TenantView> {
    assertTimeZone(patch.timeZone);
    return inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      if (patch.fallbackFlowId) {
        const flow = await queryOne<{ published_version: number | null }>(db, `SELECT published_version FROM flows WHERE id = $1 AND tenant_id = $2`, [patch.fallbackFlowId, auth.tenantId]);
        if (!flow) throw new AppError('unprocessable', 'FALLBACK_FLOW_NOT_FOUND', 'The fallback flow does not exist in this workspace.');
        if (!flow.published_version) throw new AppError('unprocessable', 'FALLBACK_FLOW_NOT_PUBLISHED', 'Publish the fallback flow first: customers only ever run published versions.');
      }
      const row = (await queryOne<TenantRow>(db,
        `UPDATE tenants SET name = coalesce($2, name), time_zone = coalesce($3, time_zone),
           fallback_flow_id = CASE WHEN $4 THEN $5::uuid ELSE fallback_flow_id END
         WHERE id = $1 RETURNING *`,
        [auth.tenantId, patch.name ?? null, patch.timeZone ?? null, patch.fallbackFlowId !== undefined, patch.fallbackFlowId ?? null]))!;
      await recordAudit(db, { tenantId: auth.tenantId, actorId: auth.userId, action: 'tenant.updated', targetType: 'tenant', targetId: auth.tenantId, details: patch });
      return toView(row);
    });
  }
}

function toView(row: TenantRow): TenantView {
  return { id: row.id, name: row.name, timeZone: row.time_zone, fallbackFlowId: row.fallback_flow_id, createdAt: new Date(row.created_at).toISOString() };
}

