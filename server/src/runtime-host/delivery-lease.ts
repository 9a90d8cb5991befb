import type { OutboundMessage } from '@fluxo/node-sdk';
import type { PreparedStatement } from '../platform/database/sql';

/** The mailbox event a permanently failed delivery leaves (messages.type, and content.kind). */
export const DELIVERY_FAILED_TYPE = 'delivery_failed';

/**
 * A delivery's hold on its conversation, renewed after each row and each part of a split message;
 * a crashed worker's lapses after this, and the sweep delivers its rows. A live holder renews well
 * within it: one provider call gives up after 10 s (the adapters' timeout), and pacing waits longer
 * than 50 ms leave the delivery for later instead of holding the lease.
 */
export const LEASE_SECONDS = 30;

/** A pending outbox row with the route of its conversation, as a delivery reads it under its lease. */
export type OutboxRow = {
  id: string; tenant_id: string; conversation_id: string; idempotency_key: string; message: OutboundMessage; channel: string;
  attempts: number; external_ids: string[] | null; wait_ms: number;
  channel_id: string | null; reply_address: string | null; last_inbound_at: Date | null; last_inbound_external_id: string | null;
};

/**
 * One delivery at a time per conversation, in every process: `holder` takes the conversation's
 * lease unless another holds it and it has not lapsed. Answers a row when it won.
 */
export function takeLease(conversationId: string, holder: string): PreparedStatement {
  return {
    name: 'fluxo_delivery_lease',
    text: `
      INSERT INTO delivery_leases (conversation_id, holder, until) VALUES ($1, $2, now() + make_interval(secs => ${LEASE_SECONDS}))
      ON CONFLICT (conversation_id) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until WHERE delivery_leases.until < now()
      RETURNING holder`,
    values: [conversationId, holder],
  };
}

/**
 * The conversation's pending rows in order, with where its replies go, read only while `holder`
 * has the lease. It must be a statement after `takeLease`, never the same one: its snapshot has to
 * be taken after the lease was won. Read in one statement, a delivery that took over a lease just
 * released would see the previous holder's last row as it was before its "sent" committed, and
 * send it again.
 */
export function leasedRows(conversationId: string, holder: string): PreparedStatement {
  return {
    name: 'fluxo_delivery_rows',
    text: `
      SELECT o.id, o.tenant_id, o.conversation_id, o.idempotency_key, o.message, c.channel, o.attempts, o.external_ids,
             greatest(0, ceil(extract(epoch FROM o.next_attempt_at - now()) * 1000))::int AS wait_ms,
             c.channel_id, c.reply_address, c.last_inbound_at, last_in.external_id AS last_inbound_external_id
        FROM outbox o JOIN conversations c ON c.id = o.conversation_id
        LEFT JOIN LATERAL (SELECT m.external_id FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in' AND m.type <> '${DELIVERY_FAILED_TYPE}'
                            ORDER BY m.seq DESC LIMIT 1) last_in ON true
       WHERE o.conversation_id = $1 AND o.status = 'pending'
         AND EXISTS (SELECT 1 FROM delivery_leases l WHERE l.conversation_id = $1 AND l.holder = $2)
       ORDER BY o.seq`,
    values: [conversationId, holder],
  };
}
