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
    const stored = await queryOne<{ id: string }>(this.dataSource,
      `INSERT INTO messages (tenant_id, conversation_id, direction, type, content, channel, external_id, status)
       VALUES ($1, $2, 'in', $3, $4, $5, $6, 'received')
       ON CONFLICT (tenant_id, channel, direction, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING id`,
      [intake.tenantId, intake.conversationId, intake.type, JSON.stringify(intake.content), intake.channel, intake.externalId ?? null]);
    if (!stored) {
      const existing = (await queryOne<{ id: string }>(this.dataSource,
        `SELECT id FROM messages WHERE tenant_id = $1 AND channel = $2 AND direction = 'in' AND external_id = $3`, [intake.tenantId, intake.channel, intake.externalId]))!;
      return { messageId: existing.id, duplicate: true };
    }
    const debounceMs = await this.debounceOf(intake.conversationId);
    await this.turns.requestTurns(intake.conversationId, debounceMs);
    return { messageId: stored.id, duplicate: false };
  }

  /** The debounce window of the flow the conversation is in (0 when it is in none). */
  private async debounceOf(conversationId: string): Promise<number> {
    const row = await queryOne<{ debounce_ms: number | null }>(this.dataSource,
      `SELECT (coalesce(v.settings, f.settings) ->> 'debounceMs')::int AS debounce_ms
         FROM conversations c LEFT JOIN flows f ON f.id = c.flow_id
         LEFT JOIN flow_versions v ON v.flow_id = c.flow_id AND v.version = c.flow_version
        WHERE c.id = $1`, [conversationId]);
    return row?.debounce_ms ?? 0;
  }
}
