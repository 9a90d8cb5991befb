import type { EntityManager } from 'typeorm';

export type AuditEntry = {
  tenantId: string;
  actorId: string | null;
  /** `<thing>.<verb>`: flow.published, user.invited, api_key.created … */
  action: string;
  targetType: string;
  targetId?: string;
  details?: Record<string, unknown>;
};

/** Writes an audit line inside the caller's transaction, so the log and the change commit together. */
export async function recordAudit(db: EntityManager, entry: AuditEntry): Promise<void> {
  await db.query(`INSERT INTO audit_log (tenant_id, actor_id, action, target_type, target_id, details) VALUES ($1, $2, $3, $4, $5, $6)`,
    [entry.tenantId, entry.actorId, entry.action, entry.targetType, entry.targetId ?? null, JSON.stringify(entry.details ?? {})]);
}
