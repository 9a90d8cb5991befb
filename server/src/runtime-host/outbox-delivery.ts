import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { OutboundMessage } from '@fluxo/node-sdk';
import { DataSource } from 'typeorm';
import { GroupCommit } from '../platform/database/group-commit';
import { queryPreparedOne, queryStatements } from '../platform/database/sql';
import type { PreparedStatement } from '../platform/database/sql';
import { logger } from '../platform/logging/logger';
import { JOB_QUEUE } from '../platform/queue';
import type { JobQueue } from '../platform/queue';
import { DELIVERY_FAILED_TYPE, LEASE_SECONDS, leasedRows, takeLease } from './delivery-lease';
import type { OutboxRow } from './delivery-lease';
import { DELIVERY_QUEUE, deliveryJobKey, TURN_QUEUE, turnJobKey } from './queues';
import { RUNTIME_EVENTS } from './turn-events';
import type { RuntimeEvents } from './turn-events';

/** Where a conversation's replies go, read with its outbox rows (one round trip for the delivery). */
export type DeliveryRoute = {
  channelId: string | null;
  replyAddress: string | null;
  /** The customer's last message: WhatsApp's 24-hour window runs from it, typing marks it read. */
  lastInboundAt: Date | null;
  lastInboundExternalId: string | null;
};

export type DeliveryContext = {
  tenantId: string; conversationId: string; outboxId: string; idempotencyKey: string;
  route: DeliveryRoute;
  /** Provider ids of the parts of this message already sent by an earlier attempt (a split text). */
  sentParts: string[];
  /**
   * Records one more part as sent, at once, so a retry after a crash does not send it again.
   * The last part needs none: marking the row sent records it.
   */
  recordPart(externalId: string): Promise<void>;
};

/** What a channel made of one outbox row. `void` (the simulator, HTTP triggers) means sent. */
export type DeliveryOutcome =
  | { status: 'sent'; externalIds: string[] }
  /** Try again later (429, 5xx, a network failure); `retryAfterMs` is the provider's own wish. */
  | { status: 'retry'; error: string; retryAfterMs?: number }
  /**
   * Not now: the channel's pace (messages per second, the gap between two messages to one chat)
   * says wait this long. Not an attempt: the job comes back then, and the rows behind wait.
   */
  | { status: 'deferred'; delayMs: number }
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
type Lease = { holder: string; released: boolean };

/** When another delivery holds the conversation, look again after this. */
const LEASE_BUSY_RETRY_MS = 250;

/**
 * How long a job waits for its delivery. A provider that answers slowly or hangs (an Evolution
 * instance whose phone went offline answers after its timeout) would otherwise hold the job's
 * worker for every message of that tenant, and a handful of such turns would hold them all: every
 * tenant's bots would stop. Past this the delivery goes on in the background and the worker moves on.
 */
export const DELIVERY_WAIT_MS = 1_000;

/** A delivery that broke (the database, a bug) is queued whole again after this. */
const BROKEN_DELIVERY_RETRY_MS = 5_000;

/**
 * Sends a conversation's pending outbox rows in order, after the turn that wrote them committed.
 * A row is marked sent only after its channel accepted it. A retriable failure holds the rows
 * behind it (order matters in a chat) and schedules the next attempt; a permanent one marks the
 * row failed and lets the next go; when a node sent it, the conversation gets a `delivery_failed`
 * event, so the flow takes that node's error port on its next turn.
 */
@Injectable()
export class OutboxDelivery {
  private readonly senders = new Map<string, ChannelSender>();
  /**
   * Rows that different conversations' deliveries sent at about the same time are marked sent
   * together: one round trip and one commit for the lot (each row its own statement).
   */
  private readonly marks = new GroupCommit<PreparedStatement, unknown[]>((statements) => queryStatements(this.dataSource, statements), { maxItems: 64, maxRunning: 1 });

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

  /**
   * `deliverLeased` for a job that has more to do: waits for the delivery at most
   * `DELIVERY_WAIT_MS`, then leaves it running (the queue's close waits for it). A delivery that
   * breaks is logged and queued as a delivery job: the job that started it may be long gone.
   */
  async sendLeased(conversationId: string, holder: string, rows: OutboxRow[] | null): Promise<void> {
    await this.withinWait(conversationId, this.deliverLeased(conversationId, holder, rows));
  }

  /** `deliverPending` for the delivery job, with the same bounded wait. */
  async sendPending(conversationId: string): Promise<void> {
    await this.withinWait(conversationId, this.deliverPending(conversationId));
  }

  private async withinWait(conversationId: string, delivery: Promise<void>): Promise<void> {
    const settled = delivery.catch(async (error: unknown) => {
      logger.warn({ err: error, conversationId }, 'a delivery broke; queued again as a delivery job');
      await this.queue.add(DELIVERY_QUEUE, { conversationId }, { key: deliveryJobKey(conversationId), delayMs: BROKEN_DELIVERY_RETRY_MS })
        .catch((queueError: unknown) => logger.error({ err: queueError, conversationId }, 'a broken delivery could not be queued again: the pending-work sweep retries it'));
    });
    this.queue.background(settled);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([settled, new Promise<void>((resolve) => { timer = setTimeout(resolve, DELIVERY_WAIT_MS); })]);
    clearTimeout(timer);
  }

  /**
   * Sends the conversation's pending rows under its delivery lease (one delivery at a time per
   * conversation, in every process). A delivery that finds the lease taken comes back shortly:
   * the one holding it may have read the rows before the newest were written.
   */
  async deliverPending(conversationId: string): Promise<void> {
    const holder = randomUUID();
    const [leased, rows] = await queryStatements(this.dataSource, [takeLease(conversationId, holder), leasedRows(conversationId, holder)]);
    await this.deliverLeased(conversationId, holder, leased!.length ? (rows as OutboxRow[]) : null);
  }

  /**
   * Sends the rows `holder` read under the lease it took (`leasedRows`), and gives the lease back.
   * Null: another delivery held the lease, so this one comes back shortly.
   */
  async deliverLeased(conversationId: string, holder: string, rows: OutboxRow[] | null): Promise<void> {
    if (!rows) return this.scheduleRetry(conversationId, LEASE_BUSY_RETRY_MS);
    const lease = { holder, released: false };
    try {
      for (const [index, row] of rows.entries()) {
        if (row.wait_ms > 0) return await this.scheduleRetry(conversationId, row.wait_ms);
        const outcome = await this.sendRow(row, lease, index === rows.length - 1);
        if (outcome.status === 'deferred') return await this.scheduleRetry(conversationId, outcome.delayMs);
        if (outcome.status === 'retry' && !(await this.retryLater(row, outcome))) return;
      }
    } finally {
      if (!lease.released) await this.dataSource.query(`DELETE FROM delivery_leases WHERE conversation_id = $1 AND holder = $2`, [conversationId, holder]);
    }
  }

  /** `last`: the delivery's last row, whose "sent" also releases the lease (one statement less per delivery). */
  private async sendRow(row: OutboxRow, lease: Lease, last: boolean): Promise<DeliveryOutcome> {
    const sender = this.senders.get(row.channel);
    if (!sender) {
      const error = `No sender for channel "${row.channel}": connect the channel first.`;
      await this.markFailed(row, lease.holder, error, 'unsupported');
      return { status: 'failed', error, category: 'unsupported' };
    }
    const sentParts = [...(row.external_ids ?? [])];
    const context: DeliveryContext = {
      tenantId: row.tenant_id, conversationId: row.conversation_id, outboxId: row.id, idempotencyKey: row.idempotency_key, sentParts,
      route: { channelId: row.channel_id, replyAddress: row.reply_address, lastInboundAt: row.last_inbound_at, lastInboundExternalId: row.last_inbound_external_id },
      recordPart: async (externalId) => {
        await this.dataSource.query(`
          WITH part AS (UPDATE outbox SET external_ids = array_append(coalesce(external_ids, '{}'), $2) WHERE id = $1)
          UPDATE delivery_leases SET until = now() + make_interval(secs => ${LEASE_SECONDS}) WHERE conversation_id = $3 AND holder = $4`,
        [row.id, externalId, row.conversation_id, lease.holder]);
      },
    };
    let outcome: DeliveryOutcome;
    try {
      outcome = (await sender.send(row.message, context)) ?? { status: 'sent', externalIds: [] };
    } catch (error) {
      outcome = { status: 'retry', error: (error as Error).message };
    }
    if (outcome.status === 'sent') await this.markSent(row, lease, outcome.externalIds, last);
    if (outcome.status === 'failed') await this.markFailed(row, lease.holder, outcome.error, outcome.category);
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

  /**
   * One statement: the row is sent and its stored messages exist, or neither (a crash between them
   * cannot split them); the lease is renewed for the next row, or released after the last.
   */
  private async markSent(row: OutboxRow, lease: Lease, externalIds: string[], last: boolean): Promise<void> {
    // One stored message per provider message (a split text is several), keyed by the provider's id for status webhooks.
    const ids = externalIds.length ? externalIds : [row.idempotency_key];
    await this.marks.submit({ name: 'fluxo_outbox_sent', text: `
      WITH sent AS (
        UPDATE outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1, next_attempt_at = NULL, external_ids = $7::text[]
         WHERE id = $1 AND status = 'pending' RETURNING id),
      renewed AS (UPDATE delivery_leases SET until = now() + make_interval(secs => ${LEASE_SECONDS}) WHERE conversation_id = $3 AND holder = $8 AND NOT $9),
      released AS (DELETE FROM delivery_leases WHERE conversation_id = $3 AND holder = $8 AND $9)
      INSERT INTO messages (tenant_id, conversation_id, direction, type, content, channel, external_id, status)
      SELECT $2, $3, 'out', $4, $5, $6, external_id, 'sent' FROM sent, unnest($7::text[]) AS external_id
      ON CONFLICT (tenant_id, channel, direction, external_id) WHERE external_id IS NOT NULL DO NOTHING`,
    values: [row.id, row.tenant_id, row.conversation_id, row.message.kind, JSON.stringify(row.message), row.channel, ids, lease.holder, last] });
    if (last) lease.released = true;
  }

  /**
   * The row fails, its message is stored as failed with the reason, and when a node of a flow sent
   * it, a `delivery_failed` event joins the conversation's mailbox (idempotent by the outbox id).
   */
  private async markFailed(row: OutboxRow, holder: string, error: string, category: string): Promise<void> {
    const event = await queryPreparedOne<{ queued: boolean }>(this.dataSource, 'fluxo.outbox-failed', `
      WITH failed AS (
        UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = $2, next_attempt_at = NULL
         WHERE id = $1 AND status = 'pending' RETURNING id, flow_id, flow_version, node_id),
      renewed AS (UPDATE delivery_leases SET until = now() + make_interval(secs => ${LEASE_SECONDS}) WHERE conversation_id = $4 AND holder = $11),
      stored AS (
        INSERT INTO messages (tenant_id, conversation_id, direction, type, content, channel, external_id, status, delivery_error)
        SELECT $3, $4, 'out', $5, $6, $7, $8, 'failed', $9 FROM failed
        ON CONFLICT (tenant_id, channel, direction, external_id) WHERE external_id IS NOT NULL DO NOTHING),
      queued AS (
        INSERT INTO messages (tenant_id, conversation_id, direction, type, content, channel, external_id, status)
        SELECT $3, $4, 'in', '${DELIVERY_FAILED_TYPE}',
               jsonb_build_object('kind', '${DELIVERY_FAILED_TYPE}', 'outboxId', failed.id, 'flowId', failed.flow_id,
                                  'version', failed.flow_version, 'nodeId', failed.node_id, 'error', jsonb_build_object('code', $10::text, 'message', $2::text)),
               $7, '${DELIVERY_FAILED_TYPE}:' || failed.id, 'received'
          FROM failed WHERE failed.node_id IS NOT NULL
        ON CONFLICT (tenant_id, channel, direction, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING id)
      SELECT EXISTS (SELECT 1 FROM queued) AS queued`,
    [row.id, error, row.tenant_id, row.conversation_id, row.message.kind, JSON.stringify(row.message), row.channel, row.idempotency_key,
      JSON.stringify({ category, message: error }), category, holder]);
    if (event?.queued) await this.queue.add(TURN_QUEUE, { conversationId: row.conversation_id }, { key: turnJobKey(row.conversation_id) });
  }
}
