import { Inject, Injectable } from '@nestjs/common';
import type { OutboundMessage } from '@fluxo/node-sdk';
import { DataSource } from 'typeorm';
import { queryOne, queryRows } from '../platform/database/sql';
import { logger } from '../platform/logging/logger';
import { JOB_QUEUE } from '../platform/queue';
import type { JobQueue } from '../platform/queue';
import { DELIVERY_QUEUE, deliveryJobKey } from './queues';
import { RUNTIME_EVENTS } from './turn-events';
import type { RuntimeEvents } from './turn-events';

type OutboxRow = {
  id: string; tenant_id: string; conversation_id: string; idempotency_key: string; message: OutboundMessage; channel: string;
  attempts: number; external_ids: string[] | null; wait_ms: number;
};

export type DeliveryContext = {
  tenantId: string; conversationId: string; outboxId: string; idempotencyKey: string;
  /** Provider ids of the parts of this message already sent by an earlier attempt (a split text). */
  sentParts: string[];
  /** Records one more part as sent, at once, so a retry after a crash does not send it again. */
  recordPart(externalId: string): Promise<void>;
};

/** What a channel made of one outbox row. `void` (the simulator, HTTP triggers) means sent. */
export type DeliveryOutcome =
  | { status: 'sent'; externalIds: string[] }
  /** Try again later (429, 5xx, a network failure); `retryAfterMs` is the provider's own wish. */
  | { status: 'retry'; error: string; retryAfterMs?: number }
  /** Never going to work (outside WhatsApp's 24-hour window, a blocked bot, bad config). */
  | { status: 'failed'; error: string; category: string };

/**
 * Where a channel's messages go. The simulator's "delivery" is a push to the studio; an HTTP
 * trigger's conversation has no one to send to (its answer is the HTTP response); messaging
 * channels register theirs (channels module).
 */
export interface ChannelSender {
  send(message: OutboundMessage, context: DeliveryContext): Promise<DeliveryOutcome | void>;
}

/** Attempts before a message goes to the dead letters (visible in the conversation API). */
export const MAX_DELIVERY_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 5 * 60_000;

/**
 * Sends a conversation's pending outbox rows in order, after the turn that wrote them committed.
 * A row is marked sent only after its channel accepted it. A retriable failure holds the rows
 * behind it (order matters in a chat) and schedules the next attempt; a permanent one marks the
 * row failed and lets the next go.
 */
@Injectable()
export class OutboxDelivery {
  private readonly senders = new Map<string, ChannelSender>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(RUNTIME_EVENTS) events: RuntimeEvents,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {
    this.senders.set('simulator', {
      send: (message, c) => events.publish({ type: 'outbound.delivered', tenantId: c.tenantId, conversationId: c.conversationId, outboxId: c.outboxId, message }),
    });
    this.senders.set('http', { send: async () => undefined });
  }

  registerSender(channel: string, sender: ChannelSender): void {
    this.senders.set(channel, sender);
  }

  async deliverPending(conversationId: string): Promise<void> {
    const rows = await queryRows<OutboxRow>(this.dataSource,
      `SELECT o.id, o.tenant_id, o.conversation_id, o.idempotency_key, o.message, c.channel, o.attempts, o.external_ids,
              greatest(0, ceil(extract(epoch FROM o.next_attempt_at - now()) * 1000))::int AS wait_ms
         FROM outbox o JOIN conversations c ON c.id = o.conversation_id
        WHERE o.conversation_id = $1 AND o.status = 'pending' ORDER BY o.seq`, [conversationId]);
    for (const row of rows) {
      if (row.wait_ms > 0) return this.scheduleRetry(conversationId, row.wait_ms);
      const outcome = await this.sendRow(row);
      if (outcome.status === 'retry' && !(await this.retryLater(row, outcome))) return;
    }
  }

  private async sendRow(row: OutboxRow): Promise<DeliveryOutcome> {
    const sender = this.senders.get(row.channel);
    if (!sender) {
      const error = `No sender for channel "${row.channel}": connect the channel first.`;
      await this.markFailed(row, error, 'unsupported');
      return { status: 'failed', error, category: 'unsupported' };
    }
    const sentParts = [...(row.external_ids ?? [])];
    const context: DeliveryContext = {
      tenantId: row.tenant_id, conversationId: row.conversation_id, outboxId: row.id, idempotencyKey: row.idempotency_key, sentParts,
      recordPart: async (externalId) => {
        await this.dataSource.query(`UPDATE outbox SET external_ids = array_append(coalesce(external_ids, '{}'), $2) WHERE id = $1`, [row.id, externalId]);
      },
    };
    let outcome: DeliveryOutcome;
    try {
      outcome = (await sender.send(row.message, context)) ?? { status: 'sent', externalIds: [] };
    } catch (error) {
      outcome = { status: 'retry', error: (error as Error).message };
    }
    if (outcome.status === 'sent') await this.markSent(row, outcome.externalIds);
    if (outcome.status === 'failed') await this.markFailed(row, outcome.error, outcome.category);
    return outcome;
  }

  /** Schedules the next attempt; false when the rows behind must wait for it, true when this one is dead and they may go. */
  private async retryLater(row: OutboxRow, outcome: Extract<DeliveryOutcome, { status: 'retry' }>): Promise<boolean> {
    const attempts = row.attempts + 1;
    if (attempts >= MAX_DELIVERY_ATTEMPTS) {
      await this.dataSource.query(`UPDATE outbox SET status = 'dead', attempts = $2, last_error = $3, next_attempt_at = NULL WHERE id = $1`, [row.id, attempts, outcome.error]);
      logger.warn({ outboxId: row.id, conversationId: row.conversation_id, attempts, error: outcome.error }, 'message moved to the dead letters');
      return true;
    }
    const waitMs = outcome.retryAfterMs ?? Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempts - 1));
    await this.dataSource.query(`UPDATE outbox SET attempts = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1`,
      [row.id, attempts, outcome.error, waitMs / 1000]);
    await this.scheduleRetry(row.conversation_id, waitMs);
    return false;
  }

  private async scheduleRetry(conversationId: string, delayMs: number): Promise<void> {
    await this.queue.add(DELIVERY_QUEUE, { conversationId }, { key: deliveryJobKey(conversationId), delayMs });
  }

  private async markSent(row: OutboxRow, externalIds: string[]): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const updated = await queryOne(db, `UPDATE outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1, next_attempt_at = NULL WHERE id = $1 AND status = 'pending' RETURNING id`, [row.id]);
      if (!updated) return;
      // One stored message per provider message (a split text is several), keyed by the provider's id for status webhooks.
      const ids = externalIds.length ? externalIds : [row.idempotency_key];
      await db.query(
        `INSERT INTO messages (tenant_id, conversation_id, direction, type, content, channel, external_id, status)
         SELECT $1, $2, 'out', $3, $4, $5, external_id, 'sent' FROM unnest($6::text[]) AS external_id
         ON CONFLICT (tenant_id, channel, direction, external_id) WHERE external_id IS NOT NULL DO NOTHING`,
        [row.tenant_id, row.conversation_id, row.message.kind, JSON.stringify(row.message), row.channel, ids]);
    });
  }

  private async markFailed(row: OutboxRow, error: string, category: string): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const updated = await queryOne(db, `UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = $2, next_attempt_at = NULL WHERE id = $1 AND status = 'pending' RETURNING id`, [row.id, error]);
      if (!updated) return;
      await db.query(
        `INSERT INTO messages (tenant_id, conversation_id, direction, type, content, channel, external_id, status, delivery_error)
         VALUES ($1, $2, 'out', $3, $4, $5, $6, 'failed', $7)
         ON CONFLICT (tenant_id, channel, direction, external_id) WHERE external_id IS NOT NULL DO NOTHING`,
        [row.tenant_id, row.conversation_id, row.message.kind, JSON.stringify(row.message), row.channel, row.idempotency_key, JSON.stringify({ category, message: error })]);
    });
  }
}
