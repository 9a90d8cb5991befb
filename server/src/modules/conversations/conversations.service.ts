import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryOne, queryRows } from '../../platform/database/sql';
import { inTenantTransaction } from '../../platform/database/tenant-transaction';
import { notFound } from '../../platform/errors/app-error';
import { recordAudit } from '../audit/record-audit';
import type { AuthContext } from '../../platform/auth/roles';

type ConversationRow = {
  id: string; channel: string; external_key: string; source: string; flow_id: string | null; flow_version: number | null;
  status: string; state: unknown; contact_id: string; contact_name: string | null; created_at: Date; updated_at: Date;
  channel_id: string | null; bot_paused_until: Date | null;
};

/** Conversations as people read them: who, where, in which flow, and what happened turn by turn. */
@Injectable()
export class ConversationsService {
  constructor(private readonly dataSource: DataSource) {}

  async listConversations(tenantId: string, filter: { status?: string; limit: number }) {
    return inTenantTransaction(this.dataSource, tenantId, async (db) => {
      const rows = await queryRows<ConversationRow>(db,
        `SELECT c.*, k.name AS contact_name FROM conversations c JOIN contacts k ON k.id = c.contact_id
          WHERE c.tenant_id = $1 AND ($2::text IS NULL OR c.status = $2) ORDER BY c.updated_at DESC LIMIT $3`,
        [tenantId, filter.status ?? null, filter.limit]);
      return rows.map(toSummary);
    });
  }

  async getConversation(tenantId: string, id: string) {
    return inTenantTransaction(this.dataSource, tenantId, async (db) => {
      const row = await queryOne<ConversationRow>(db,
        `SELECT c.*, k.name AS contact_name FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE c.id = $1 AND c.tenant_id = $2`, [id, tenantId]);
      if (!row) throw notFound('The conversation');
      const messages = await queryRows<{ id: string; direction: string; type: string; content: unknown; status: string; status_at: Date | null; delivery_error: unknown; created_at: Date }>(db,
        `SELECT id, direction, type, content, status, status_at, delivery_error, created_at FROM messages WHERE conversation_id = $1 ORDER BY seq`, [id]);
      // What is still on its way, or will never arrive: pending retries and the dead letters.
      const undelivered = await queryRows<{ id: string; message: unknown; status: string; attempts: number; last_error: string | null; next_attempt_at: Date | null; created_at: Date }>(db,
        `SELECT id, message, status, attempts, last_error, next_attempt_at, created_at FROM outbox WHERE conversation_id = $1 AND status IN ('pending', 'dead') ORDER BY seq`, [id]);
      const turns = await queryRows<{ id: string; event: unknown; status: string; flow_id: string | null; flow_version: number | null; trace: unknown; error: unknown; duration_ms: number; created_at: Date }>(db,
        `SELECT id, event, status, flow_id, flow_version, trace, error, duration_ms, created_at FROM turns WHERE conversation_id = $1 ORDER BY seq`, [id]);
      return {
        ...toSummary(row),
        state: row.state,
        messages: messages.map((m) => ({
          id: m.id, direction: m.direction, type: m.type, content: m.content, status: m.status, createdAt: iso(m.created_at),
          ...(m.status_at ? { statusAt: iso(m.status_at) } : {}), ...(m.delivery_error ? { deliveryError: m.delivery_error } : {}),
        })),
        undelivered: undelivered.map((o) => ({
          id: o.id, message: o.message, status: o.status, attempts: o.attempts, lastError: o.last_error,
          nextAttemptAt: o.next_attempt_at ? iso(o.next_attempt_at) : null, createdAt: iso(o.created_at),
        })),
        turns: turns.map((t) => ({ id: t.id, event: t.event, status: t.status, flowId: t.flow_id, flowVersion: t.flow_version, trace: t.trace, error: t.error, durationMs: t.duration_ms, createdAt: iso(t.created_at) })),
      };
    });
  }

  /** Clears a stuck conversation: no run, no wait, pending timers cancelled; the next message starts fresh. */
  async resetConversation(auth: AuthContext, id: string) {
    await inTenantTransaction(this.dataSource, auth.tenantId, async (db) => {
      const row = await queryOne(db, `UPDATE conversations SET state = NULL, status = 'idle', flow_version = NULL, updated_at = now() WHERE id = $1 AND tenant_id = $2 RETURNING id`, [id, auth.tenantId]);
      if (!row) throw notFound('The conversation');
      await db.query(`UPDATE timers SET status = 'cancelled' WHERE conversation_id = $1 AND status = 'pending'`, [id]);
      await recordAudit(db, { tenantId: auth.tenantId, actorId: auth.userId, action: 'conversation.reset', targetType: 'conversation', targetId: id });
    });
    return this.getConversation(auth.tenantId, id);
  }
}

function toSummary(row: ConversationRow) {
  return {
    id: row.id, channel: row.channel, externalKey: row.external_key, source: row.source, flowId: row.flow_id, flowVersion: row.flow_version,
    status: row.status, contact: { id: row.contact_id, name: row.contact_name }, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at),
    channelId: row.channel_id,
    // A human answered from the business's phone: the bot keeps quiet until then.
    botPausedUntil: row.bot_paused_until && new Date(row.bot_paused_until) > new Date() ? iso(row.bot_paused_until) : null,
  };
}

const iso = (value: Date) => new Date(value).toISOString();
