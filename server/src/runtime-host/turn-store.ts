import type { ConversationState, OutboundOrigin, TimerEffect, TurnResult } from '@fluxo/engine';
import type { ContactInfo, JsonObject, OutboundMessage } from '@fluxo/node-sdk';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid, queryStatements } from '../platform/database/sql';
import type { PreparedStatement, Statement } from '../platform/database/sql';
import { leasedRows, takeLease } from './delivery-lease';
import type { OutboxRow } from './delivery-lease';
import type { PublishedFlow } from './flow-catalog';
import type { Mailbox, PendingEvent } from './pending-event';

/**
 * A conversation's turn transaction, once it holds the conversation's row lock (the mailbox: no
 * other worker runs the conversation until it ends) and has read what the turn reads.
 */
export type OpenTurn = {
  /** The transaction's connection, for what else the turn reads (flow versions). */
  db: EntityManager;
  /** Null: the conversation is gone. */
  context: TurnContext | null;
  /**
   * Writes the turn and commits, in one round trip. With `deliveryHolder`, the turn also takes its
   * conversation's delivery lease and reads the rows to send before it commits (null when another
   * delivery holds the lease): the replies go out without a round trip of their own.
   */
  commit(write: TurnWrite, deliveryHolder?: string): Promise<CommittedWrite>;
};

export type CommittedWrite = {
  /** The outbox rows' ids in order, with their messages. */
  replies: Array<{ id: string; message: OutboundMessage }>;
  delivery: { holder: string; rows: OutboxRow[] | null } | null;
};

/**
 * Runs `work` in a transaction holding the conversation's row lock. NO KEY UPDATE, not UPDATE: the
 * key share lock of an insert that references the row (an inbound message, a delivery's sent
 * message) does not wait for the turn. BEGIN, the lock and the read travel in one round trip, and
 * the write and COMMIT in another (round trips are what a turn costs most); the read is a statement
 * after the lock, so that one which waited for the lock reads the mailbox as the previous turn left
 * it. When `work` does
 * not commit, the transaction commits after it (a paused conversation's held messages).
 */
export async function inConversationTransaction<T>(dataSource: DataSource, conversationId: string, work: (turn: OpenTurn) => Promise<T>): Promise<T | null> {
  if (!isUuid(conversationId)) return null;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const db = runner.manager;
  let committed = false;
  try {
    const [, , , rows] = await queryStatements(db, ['BEGIN', GENERIC_PLANS, lockConversation(conversationId), turnContext(conversationId), TENANT_ROLE]);
    const context = toTurnContext((rows as ContextRow[])[0]);
    const result = await work({
      db, context,
      commit: (write, deliveryHolder) => {
        if (!context) throw new Error('no turn to commit: the conversation is gone');
        committed = true;
        return commitTurn(db, context, write, deliveryHolder);
      },
    });
    if (!committed) await runner.query('COMMIT');
    return result;
  } catch (error) {
    // After a failed script. After a COMMIT that went through, ROLLBACK only warns.
    await runner.query('ROLLBACK');
    throw error;
  } finally {
    await runner.release();
  }
}

/**
 * The turn's statements look rows up by key, so one generic plan serves every conversation, planned
 * once per connection (planning the context read cost more than running it).
 */
export const GENERIC_PLANS = 'SET LOCAL plan_cache_mode = force_generic_plan';

/**
 * From the context read on, the turn acts as the tenant's database role, so row-level security
 * covers its writes. A statement of its own: a statement that switches role itself is planned
 * afresh on every execution.
 */
export const TENANT_ROLE = 'SET LOCAL ROLE fluxo_tenant';

export function lockConversation(conversationId: string): PreparedStatement {
  return { name: 'fluxo_turn_lock', text: 'SELECT 1 FROM conversations WHERE id = $1 FOR NO KEY UPDATE', values: [conversationId] };
}

/** Everything a turn reads. */
export type TurnContext = {
  conversation: {
    id: string; tenantId: string; contactId: string; channel: string; source: 'live' | 'draft' | 'published';
    flowId: string | null; state: ConversationState | null; timeZone: string; fallbackFlowId: string | null;
    /** A human has the conversation (the business answered from its phone): the bot keeps quiet. */
    botPaused: boolean;
    /** The connected channel the conversation came through (null: simulator, HTTP trigger). */
    channelId: string | null;
    /** The published flows whose triggers apply on this conversation's channel (null: all). */
    channelFlowIds: string[] | null;
    /** The tenant's published flows (id and version, oldest first), read with the context to spare the turn a round trip. */
    publishedFlows: PublishedFlow[];
  };
  contact: ContactInfo;
  mailbox: Mailbox;
};

export type ContextRow = {
  id: string; tenant_id: string; contact_id: string; channel: string; channel_id: string | null; source: 'live' | 'draft' | 'published'; flow_id: string | null;
  state: ConversationState | null; time_zone: string; fallback_flow_id: string | null; channel_flow_ids: string[] | null;
  contact_name: string | null; contact_phone: string | null; contact_fields: JsonObject; has_history: boolean; bot_paused: boolean;
  pending: Mailbox['pending'] | null; due_timer: Mailbox['dueTimer']; published_flows: PublishedFlow[] | null;
  /** The conversation row's version (xmin): a turn written after its lock was let go checks nothing changed meanwhile (turn-batch.ts). */
  row_version: string;
};

/**
 * What the turn reads, and the tenant whose rows it may write (row-level security). It must not be
 * the statement that takes the lock: one that waited for it would read the mailbox as it was before
 * the previous turn committed.
 */
function turnContext(conversationId: string): PreparedStatement {
  return { name: 'fluxo_turn_context', text: contextSelect(`set_config('fluxo.tenant_id', c.tenant_id::text, true)`, 'c.id = $1'), values: [conversationId] };
}

/**
 * The contexts of a batch's conversations (turn-batch.ts). No tenant setting: a batch may hold
 * several tenants' conversations, and each turn's write sets its own.
 */
export function turnContexts(conversationIds: string[]): PreparedStatement {
  return { name: 'fluxo_turn_contexts', text: contextSelect('NULL', 'c.id = ANY($1::uuid[])'), values: [conversationIds] };
}

function contextSelect(tenantSetting: string, where: string): string {
  return `
    SELECT c.id, c.xmin::text AS row_version, c.tenant_id, c.contact_id, c.channel, c.channel_id, c.source, c.flow_id, c.state, t.time_zone, t.fallback_flow_id,
           coalesce(c.bot_paused_until > now(), false) AS bot_paused, k.name AS contact_name, k.phone AS contact_phone, k.fields AS contact_fields,
           (SELECT ch.flow_ids FROM channels ch WHERE ch.id = c.channel_id) AS channel_flow_ids,
           (SELECT json_agg(json_build_object('id', f.id, 'version', f.published_version) ORDER BY f.created_at) FROM flows f
             WHERE f.tenant_id = c.tenant_id AND f.published_version IS NOT NULL) AS published_flows,
           k.answered_at IS NOT NULL AS has_history,
           (SELECT json_agg(p ORDER BY p.seq) FROM (
              SELECT id, seq, type, content, created_at FROM messages
               WHERE conversation_id = c.id AND direction = 'in' AND status = 'received' ORDER BY seq LIMIT 20) p) AS pending,
           (SELECT row_to_json(d) FROM (
              SELECT id, kind, fire_at FROM timers WHERE conversation_id = c.id AND status = 'pending' AND fire_at <= now()
               ORDER BY fire_at LIMIT 1) d) AS due_timer,
           ${tenantSetting} AS tenant_setting
      FROM conversations c JOIN tenants t ON t.id = c.tenant_id JOIN contacts k ON k.id = c.contact_id
     WHERE ${where}`;
}

export function toTurnContext(row: ContextRow | undefined): TurnContext | null {
  if (!row) return null;
  const contact: ContactInfo = { id: row.contact_id, isNew: !row.has_history, fields: row.contact_fields };
  if (row.contact_name) contact.name = row.contact_name;
  if (row.contact_phone) contact.phone = row.contact_phone;
  return {
    conversation: {
      id: row.id, tenantId: row.tenant_id, contactId: row.contact_id, channel: row.channel, channelId: row.channel_id, source: row.source, flowId: row.flow_id,
      state: row.state, timeZone: row.time_zone, fallbackFlowId: row.fallback_flow_id, botPaused: row.bot_paused, channelFlowIds: row.channel_flow_ids,
      publishedFlows: row.published_flows ?? [],
    },
    contact,
    mailbox: { pending: row.pending ?? [], dueTimer: row.due_timer },
  };
}

export type TurnWrite = {
  turnId: string;
  next: PendingEvent;
  result: TurnResult;
  /** The status recorded for the turn (the engine's, or the host's own such as session_expired). */
  status: string;
  /** The session deadline to set ('renew' moves it; 'keep' sets it only when none is pending), or cancel it. */
  session: { action: 'renew' | 'keep'; timerId: string; fireAt: string } | { action: 'cancel'; timerId: string } | null;
};

/**
 * Writes a turn in one statement: its trace, the messages and timer it consumed, the new state,
 * the contact's fields, the outbox (each message with its idempotency key) and the timers; then
 * the delivery lease when asked for, the leased rows, and COMMIT. The read goes before COMMIT: after
 * it, it was a transaction of its own, and one that failed failed a turn already committed, whose
 * lease then held its replies back until it lapsed.
 */
async function commitTurn(db: EntityManager, context: TurnContext, write: TurnWrite, deliveryHolder: string | undefined): Promise<CommittedWrite> {
  const { written, delivery, read } = turnWriteStatements(context, write, deliveryHolder);
  // The script that opened the transaction switched to the tenant's role already; COMMIT ends it.
  const results = await queryStatements(db, [written, ...delivery, 'COMMIT']);
  return read(results);
}

/**
 * A turn's write as statements for a script (the turn's own, or a batch's): the write, run as the
 * tenant's role, then, with `deliveryHolder`, the delivery lease and its rows, run as the
 * connection's own role (the lease is the platform's, not a tenant's row); and how to read the
 * answer from the results of exactly these statements (the write first).
 */
export function turnWriteStatements(context: TurnContext, write: TurnWrite, deliveryHolder: string | undefined): {
  written: PreparedStatement; delivery: Statement[]; read: (results: unknown[][]) => CommittedWrite;
} {
  const { conversation } = context;
  const { result, next } = write;
  const changed = result.status !== 'ignored' && result.status !== 'no_match';
  const state = changed ? result.state : conversation.state;
  const pinned = state?.flow;
  const schedule = result.timers.filter((t): t is Extract<TimerEffect, { action: 'schedule' }> => t.action === 'schedule');
  const cancel = result.timers.filter((t) => t.action === 'cancel' && t.timerId !== next.timerId).map((t) => t.timerId);
  const session = write.session;
  const written: PreparedStatement = { name: 'fluxo_turn_commit', text: `
    WITH turn AS (
      INSERT INTO turns (id, tenant_id, conversation_id, event, status, flow_id, flow_version, trace, error, duration_ms)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)),
    consumed AS (UPDATE messages SET status = 'processed', turn_id = $1 WHERE id = ANY($11::uuid[])),
    fired AS (UPDATE timers SET status = 'fired' WHERE id = $12),
    conv AS (
      UPDATE conversations SET state = $13, status = $14, updated_at = now(),
             flow_id = CASE WHEN source = 'live' THEN $15::uuid ELSE flow_id END, flow_version = $16,
             last_inbound_at = CASE WHEN cardinality($11::uuid[]) > 0 THEN now() ELSE last_inbound_at END
       WHERE id = $3 AND $17::boolean),
    fields AS (
      UPDATE contacts SET fields = coalesce($18::jsonb, fields),
             answered_at = CASE WHEN cardinality($11::uuid[]) > 0 THEN coalesce(answered_at, now()) ELSE answered_at END
       WHERE id = $19 AND ($18::jsonb IS NOT NULL OR (answered_at IS NULL AND cardinality($11::uuid[]) > 0))),
    scheduled AS (
      INSERT INTO timers (id, tenant_id, conversation_id, kind, fire_at)
      SELECT s.id, $2, $3, 'node', s.fire_at FROM jsonb_to_recordset($20::jsonb) AS s(id text, fire_at timestamptz)
      ON CONFLICT (id) DO NOTHING),
    cancelled AS (UPDATE timers SET status = 'cancelled' WHERE id = ANY($21::text[]) AND status = 'pending'),
    session_renewed AS (
      INSERT INTO timers (id, tenant_id, conversation_id, kind, fire_at)
      SELECT $22, $2, $3, 'session', $23::timestamptz WHERE $24 IN ('renew', 'keep')
      ON CONFLICT (id) DO UPDATE SET fire_at = EXCLUDED.fire_at, status = 'pending'
       WHERE $24 = 'renew' OR timers.status <> 'pending'),
    session_cancelled AS (UPDATE timers SET status = 'cancelled' WHERE id = $22 AND $24 = 'cancel' AND status = 'pending'),
    outbox AS (
      INSERT INTO outbox (tenant_id, conversation_id, turn_id, idempotency_key, message, flow_id, flow_version, node_id)
      SELECT $2, $3, $1, $1 || ':' || (o.idx - 1), o.message, (f.origin ->> 'flowId')::uuid, (f.origin ->> 'version')::int, f.origin ->> 'nodeId'
        FROM jsonb_array_elements($25::jsonb) WITH ORDINALITY AS o(message, idx)
        LEFT JOIN jsonb_array_elements($26::jsonb) WITH ORDINALITY AS f(origin, idx) ON f.idx = o.idx
      RETURNING id, idempotency_key)
    SELECT (SELECT json_agg(json_build_object('id', id, 'idx', split_part(idempotency_key, ':', 2)::int)) FROM outbox) AS outbox`,
  values: [
    write.turnId, conversation.tenantId, conversation.id, JSON.stringify(next.event), write.status, pinned?.flowId ?? null,
    typeof pinned?.version === 'number' ? pinned.version : null, JSON.stringify(result.trace), result.error ? JSON.stringify(result.error) : null,
    result.trace.reduce((sum, step) => sum + step.durationMs, 0),
    next.messageIds, next.timerId ?? null,
    JSON.stringify(result.state), result.state.status, result.state.flow?.flowId ?? null,
    typeof result.state.flow?.version === 'number' ? result.state.flow.version : null, changed,
    changed && result.contactFields ? JSON.stringify(result.contactFields) : null, conversation.contactId,
    JSON.stringify(schedule.map((t) => ({ id: t.timerId, fire_at: t.fireAt }))), cancel,
    session?.timerId ?? null, session && session.action !== 'cancel' ? session.fireAt : null, session?.action ?? 'none',
    JSON.stringify(result.outbound), JSON.stringify(result.outbound.map((_, i) => publishedOrigin(result.outboundOrigins?.[i]))),
  ] };
  const conversationId = conversation.id;
  const delivery: Statement[] = deliveryHolder ? ['RESET ROLE', takeLease(conversationId, deliveryHolder), leasedRows(conversationId, deliveryHolder)] : [];
  const read = (results: unknown[][]): CommittedWrite => {
    const [rows, , leased, leasedOutbox] = results;
    const row = (rows as Array<{ outbox: Array<{ id: string; idx: number }> | null }>)[0];
    const ids = (row?.outbox ?? []).sort((a, b) => a.idx - b.idx);
    return {
      replies: ids.map(({ id, idx }) => ({ id, message: result.outbound[idx]! })),
      delivery: deliveryHolder ? { holder: deliveryHolder, rows: leased!.length ? (leasedOutbox as OutboxRow[]) : null } : null,
    };
  };
  return { written, delivery, read };
}

/**
 * Only published versions keep an origin: a draft (the simulator) has no version row for a later
 * turn to find, and the simulator's delivery never fails.
 */
function publishedOrigin(origin: OutboundOrigin | null | undefined): OutboundOrigin | null {
  return origin && typeof origin.version === 'number' ? origin : null;
}
