import { Inject, Injectable } from '@nestjs/common';
import type { OutboundMessage } from '@fluxo/node-sdk';
import { DataSource } from 'typeorm';
import { queryOne, queryRows } from '../platform/database/sql';
import { RUNTIME_EVENTS } from './turn-events';
import type { RuntimeEvents } from './turn-events';

type OutboxRow = { id: string; tenant_id: string; conversation_id: string; idempotency_key: string; message: OutboundMessage; channel: string };

/**
 * Where a channel's messages go. Real channels (WhatsApp, Telegram…) add their senders here; the
 * simulator's "delivery" is a push to the studio, and an HTTP trigger's conversation has no one to
 * send to (its answer is the HTTP response), so its messages are only recorded.
 */
export interface ChannelSender {
  send(message: OutboundMessage, context: { tenantId: string; conversationId: string; outboxId: string; idempotencyKey: string }): Promise<void>;
}

/**
 * Sends a conversation's pending outbox rows in order, after the turn that wrote them committed.
 * A row is marked sent only after its channel accepted it; a failure leaves it pending for the
 * retry (with the same idempotency key, so a provider that saw it already does not send it twice).
 */
@Injectable()
export class OutboxDelivery {
  private readonly senders: Record<string, ChannelSender>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(RUNTIME_EVENTS) events: RuntimeEvents,
  ) {
    const push: ChannelSender = {
      send: (message, c) => events.publish({ type: 'outbound.delivered', tenantId: c.tenantId, conversationId: c.conversationId, outboxId: c.outboxId, message }),
    };
    this.senders = { simulator: push, http: { send: async () => undefined } };
  }

  async deliverPending(conversationId: string): Promise<void> {
    const rows = await queryRows<OutboxRow>(this.dataSource,
      `SELECT o.id, o.tenant_id, o.conversation_id, o.idempotency_key, o.message, c.channel
         FROM outbox o JOIN conversations c ON c.id = o.conversation_id
        WHERE o.conversation_id = $1 AND o.status = 'pending' ORDER BY o.seq`, [conversationId]);
    for (const row of rows) {
      const sender = this.senders[row.channel];
      if (!sender) {
        await this.dataSource.query(`UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = $2 WHERE id = $1`,
          [row.id, `No sender for channel "${row.channel}": connect the channel first.`]);
        continue;
      }
      try {
        await sender.send(row.message, { tenantId: row.tenant_id, conversationId: row.conversation_id, outboxId: row.id, idempotencyKey: row.idempotency_key });
      } catch (error) {
        await this.dataSource.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, (error as Error).message]);
        throw error; // the queue retries with back-off; later rows wait, so the order holds
      }
      await this.markSent(row);
    }
  }

  private async markSent(row: OutboxRow): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const updated = await queryOne(db, `UPDATE outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = $1 AND status = 'pending' RETURNING id`, [row.id]);
      if (!updated) return;
      await db.query(
        `INSERT INTO messages (tenant_id, conversation_id, direction, type, content, channel, external_id, status)
         VALUES ($1, $2, 'out', $3, $4, $5, $6, 'sent')`,
        [row.tenant_id, row.conversation_id, row.message.kind, JSON.stringify(row.message), row.channel, row.idempotency_key]);
    });
  }
}
