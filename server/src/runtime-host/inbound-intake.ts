import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryOne } from '../platform/database/sql';
import type { StoredInbound } from './pending-event';
import { TurnCoordinator } from './turn-coordinator';

export type Intake = { tenantId: string; conversationId: string; channel: string; type: string; content: StoredInbound; externalId?: string };

/**
 * The front door of every inbound event: store it (idempotently by channel and external id) and
 * ask a worker for the turn. A duplicate delivery stores nothing and queues nothing.
 */
@Injectable()
export class InboundIntake {
  constructor(
    private readonly dataSource: DataSource,
    private readonly turns: TurnCoordinator,
  ) {}

  async receive(intake: Intake): Promise<{ messageId: string; duplicate: boolean }> {
    // One round trip: the insert, and the debounce window of the flow the conversation is in.
    const stored = (await queryOne<{ id: string | null; debounce_ms: number | null }>(this.dataSource, `
      WITH stored AS (
        INSERT INTO messages (tenant_id, conversation_id, direction, type, content, channel, external_id, status)
        VALUES ($1, $2, 'in', $3, $4, $5, $6, 'received')
        ON CONFLICT (tenant_id, channel, direction, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING id)
      SELECT (SELECT id FROM stored) AS id,
             (SELECT (coalesce(v.settings, f.settings) ->> 'debounceMs')::int
                FROM conversations c LEFT JOIN flows f ON f.id = c.flow_id
                LEFT JOIN flow_versions v ON v.flow_id = c.flow_id AND v.version = c.flow_version
               WHERE c.id = $2) AS debounce_ms`,
    [intake.tenantId, intake.conversationId, intake.type, JSON.stringify(intake.content), intake.channel, intake.externalId ?? null]))!;
    if (!stored.id) {
      const existing = (await queryOne<{ id: string }>(this.dataSource,
        `SELECT id FROM messages WHERE tenant_id = $1 AND channel = $2 AND direction = 'in' AND external_id = $3`, [intake.tenantId, intake.channel, intake.externalId]))!;
      return { messageId: existing.id, duplicate: true };
    }
    await this.turns.requestTurns(intake.conversationId, stored.debounce_ms ?? 0);
    return { messageId: stored.id, duplicate: false };
  }
}
