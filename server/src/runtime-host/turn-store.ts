import type { ConversationState, OutboundOrigin, TimerEffect, TurnResult } from '@fluxo/engine';
import type { ContactInfo, JsonObject, OutboundMessage } from '@fluxo/node-sdk';
import type { DataSource, EntityManager } from 'typeorm';
import { queryPreparedOne } from '../platform/database/sql';
import type { PublishedFlow } from './flow-catalog';
import type { Mailbox, PendingEvent } from './pending-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A transaction holding the conversation's row lock: the mailbox, so that no other worker runs the
 * conversation until it ends. NO KEY UPDATE, not UPDATE: the key share lock of an insert that
 * references the row (an inbound message, a delivery's sent message) does not wait for the turn.
 * BEGIN and the lock travel in one round trip (round trips are what a turn costs most); the id is
 * checked to be a uuid, so it can stand in the statement's text.
 */
export async function inConversationTransaction<T>(dataSource: DataSource, conversationId: string, work: (db: EntityManager) => Promise<T>): Promise<T | null> {
  if (!UUID.test(conversationId)) return null;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`BEGIN; SELECT 1 FROM conversations WHERE id = '${conversationId.toLowerCase()}' FOR NO KEY UPDATE`);
    try {
      const result = await work(runner.manager);
      await runner.query('COMMIT');
      return result;
    } catch (error) {
      await runner.query('ROLLBACK');
      throw error;
    }
  } finally {
    await runner.release();
  }
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

type ContextRow = {
  id: string; tenant_id: string; contact_id: string; channel: string; channel_id: string | null; source: 'live' | 'draft' | 'published'; flow_id: string | null;
  state: ConversationState | null; time_zone: string; fallback_flow_id: string | null; channel_flow_ids: string[] | null;
  contact_name: string | null; contact_phone: string | null; contact_fields: JsonObject; has_history: boolean; bot_paused: boolean;
  pending: Mailbox['pending'] | null; due_timer: Mailbox['dueTimer']; published_flows: PublishedFlow[] | null;
};

/**
 * Loads what the turn reads (once `inConversationTransaction` holds the lock) and from then on acts
 * as the tenant's database role, so row-level security covers the turn's writes. It must not be the
 * statement that takes the lock: one that waited for it would read the mailbox as it was before the
 * previous turn committed.
 */
export async function loadTurnContext(db: EntityManager, conversationId: string): Promise<TurnContext | null> {
  const row = await queryPreparedOne<ContextRow>(db, 'fluxo.turn-context', `
    SELECT c.id, c.tenant_id, c.contact_id, c.channel, c.channel_id, c.source, c.flow_id, c.state, t.time_zone, t.fallback_flow_id,
           coalesce(c.bot_paused_until > now(), false) AS bot_paused, k.name AS contact_name, k.phone AS contact_phone, k.fields AS contact_fields,
           (SELECT ch.flow_ids FROM channels ch WHERE ch.id = c.channel_id) AS channel_flow_ids,
           (SELECT json_agg(json_build_object('id', f.id, 'version', f.published_version) ORDER BY f.created_at) FROM flows f
             WHERE f.tenant_id = c.tenant_id AND f.published_version IS NOT NULL) AS published_flows,
           EXISTS (SELECT 1 FROM conversations c2 JOIN messages m ON m.conversation_id = c2.id
                    WHERE c2.contact_id = k.id AND m.direction = 'in' AND m.status = 'processed') AS has_history,
           (SELECT json_agg(p ORDER BY p.seq) FROM (
              SELECT id, seq, type, content, created_at FROM messages
               WHERE conversation_id = c.id AND direction = 'in' AND status = 'received' ORDER BY seq LIMIT 20) p) AS pending,
           (SELECT row_to_json(d) FROM (
              SELECT id, kind, fire_at FROM timers WHERE conversation_id = c.id AND status = 'pending' AND fire_at <= now()
               ORDER BY fire_at LIMIT 1) d) AS due_timer,
           set_config('fluxo.tenant_id', c.tenant_id::text, true), set_config('role', 'fluxo_tenant', true)
      FROM conversations c JOIN tenants t ON t.id = c.tenant_id JOIN contacts k ON k.id = c.contact_id
     WHERE c.id = $1`, [conversationId]);
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
 * the contact's fields, the outbox (each message with its idempotency key) and the timers.
 * Returns the outbox rows' ids in order.
 */
export async function commitTurn(db: EntityManager, context: TurnContext, write: TurnWrite): Promise<Array<{ id: string; message: OutboundMessage }>> {
  const { conversation } = context;
  const { result, next } = write;
  const changed = result.status !== 'ignored' && result.status !== 'no_match';
  const state = changed ? result.state : conversation.state;
  const pinned = state?.flow;
  const schedule = result.timers.filter((t): t is Extract<TimerEffect, { action: 'schedule' }> => t.action === 'schedule');
  const cancel = result.timers.filter((t) => t.action === 'cancel' && t.timerId !== next.timerId).map((t) => t.timerId);
  const session = write.session;
  const row = await queryPreparedOne<{ outbox: Array<{ id: string; idx: number }> | null }>(db, 'fluxo.turn-commit', `
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
    fields AS (UPDATE contacts SET fields = $18 WHERE id = $19 AND $18::jsonb IS NOT NULL),
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
  [
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
  ]);
  const ids = (row?.outbox ?? []).sort((a, b) => a.idx - b.idx);
  return ids.map(({ id, idx }) => ({ id, message: result.outbound[idx]! }));
}

/**
 * Only published versions keep an origin: a draft (the simulator) has no version row for a later
 * turn to find, and the simulator's delivery never fails.
 */
function publishedOrigin(origin: OutboundOrigin | null | undefined): OutboundOrigin | null {
  return origin && typeof origin.version === 'number' ? origin : null;
}
