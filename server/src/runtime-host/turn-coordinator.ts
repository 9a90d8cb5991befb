import { Inject, Injectable } from '@nestjs/common';
import type { ConversationState, TimerEffect, TurnResult } from '@fluxo/engine';
import type { ContactInfo, JsonObject } from '@fluxo/node-sdk';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { queryOne } from '../platform/database/sql';
import { runWithLogContext } from '../platform/logging/log-context';
import { JOB_QUEUE } from '../platform/queue';
import type { JobQueue } from '../platform/queue';
import { FlowCatalog } from './flow-catalog';
import type { FlowRunSettings, FlowScope } from './flow-catalog';
import { takeNextEvent } from './pending-event';
import type { PendingEvent } from './pending-event';
import { DELIVERY_QUEUE, deliveryJobKey, TIMER_QUEUE, timerJobKey, TURN_QUEUE, turnJobKey } from './queues';
import { RUNTIME_EVENTS } from './turn-events';
import type { RuntimeEvents, TurnCompletedEvent } from './turn-events';

type ConversationRow = {
  id: string; tenant_id: string; contact_id: string; channel: string; source: 'live' | 'draft' | 'published';
  flow_id: string | null; state: ConversationState | null; time_zone: string; fallback_flow_id: string | null;
};

/** A waiting run's session lasts this long without a message, unless its flow says otherwise (24 h). */
export const DEFAULT_SESSION_MINUTES = 1_440;
export const sessionTimerId = (conversationId: string) => `session:${conversationId}`;
type ContactRow = { id: string; name: string | null; phone: string | null; fields: JsonObject; has_history: boolean };

/** Turns one job runs before it hands the rest to a fresh job (fairness between conversations). */
const TURNS_PER_JOB = 20;

/**
 * Runs a conversation's pending events one turn at a time, in arrival order. The conversation row
 * is locked for the turn (a mailbox across every worker process); state, trace, outbox and timers
 * commit in the same transaction, and only then are deliveries and timers queued.
 */
@Injectable()
export class TurnCoordinator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: FlowCatalog,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(RUNTIME_EVENTS) private readonly events: RuntimeEvents,
  ) {}

  /** Asks a worker to run the conversation's pending turns. */
  async requestTurns(conversationId: string, delayMs = 0): Promise<void> {
    await this.queue.add(TURN_QUEUE, { conversationId }, { key: turnJobKey(conversationId), delayMs });
  }

  /** The turn job: every pending event of the conversation, one turn each. */
  async runPendingTurns(conversationId: string): Promise<void> {
    await runWithLogContext({ conversationId }, async () => {
      for (let i = 0; i < TURNS_PER_JOB; i++) {
        if (!(await this.runNextTurn(conversationId))) return;
      }
      await this.requestTurns(conversationId);
    });
  }

  private async runNextTurn(conversationId: string): Promise<boolean> {
    const completed = await this.dataSource.transaction(async (db) => {
      const conversation = await queryOne<ConversationRow>(db,
        `SELECT c.id, c.tenant_id, c.contact_id, c.channel, c.source, c.flow_id, c.state, t.time_zone, t.fallback_flow_id
           FROM conversations c JOIN tenants t ON t.id = c.tenant_id WHERE c.id = $1 FOR UPDATE OF c`, [conversationId]);
      if (!conversation) return null;
      // From here on the turn sees its own tenant's rows only.
      await db.query(`SELECT set_config('fluxo.tenant_id', $1, true), set_config('role', 'fluxo_tenant', true)`, [conversation.tenant_id]);
      const scope: FlowScope = conversation.source === 'live' || !conversation.flow_id ? { kind: 'live' } : { kind: conversation.source, flowId: conversation.flow_id };
      const flows = this.catalog.source(db, conversation.tenant_id, scope);
      const settings = await this.settingsOf(db, conversation);
      const next = await takeNextEvent(db, conversationId, { mergeTexts: (settings?.debounceMs ?? 0) > 0 });
      if (!next) return null;
      if (next.kind === 'session-expired') return this.expireSession(db, conversation, next, settings);
      const contact = await this.loadContact(db, conversation.contact_id);
      const result = await this.catalog.engine.runTurn({
        state: conversation.state, event: next.event, flows, timeZone: conversation.time_zone,
        contact, conversation: { id: conversation.id, channel: conversation.channel },
        // The tenant's catch-all serves real channels; a simulation tests one flow alone.
        ...(scope.kind === 'live' && conversation.fallback_flow_id ? { fallbackFlowId: conversation.fallback_flow_id } : {}),
      });
      const committed = await this.commitTurn(db, conversation, next, result);
      await this.renewSessionTimer(db, conversation, result, committed, next.messageIds.length > 0);
      return committed;
    });
    if (!completed) return false;
    await this.afterCommit(completed);
    return true;
  }

  /** The settings of the flow version the conversation runs (debounce, session timeout). */
  private async settingsOf(db: EntityManager, conversation: ConversationRow): Promise<FlowRunSettings | undefined> {
    const pinned = conversation.state?.flow;
    if (pinned) return (await this.catalog.getFlow(db, conversation.tenant_id, pinned.flowId, pinned.version))?.settings;
    if (conversation.source !== 'live' && conversation.flow_id) {
      return (await this.catalog.getFlow(db, conversation.tenant_id, conversation.flow_id, conversation.source === 'draft' ? 'draft' : undefined))?.settings;
    }
    return undefined;
  }

  /**
   * While a run waits for the customer, its session lasts `sessionTimeoutMinutes` after the last
   * message; each message moves the deadline, and a run that ends takes its session timer along.
   */
  private async renewSessionTimer(db: EntityManager, conversation: ConversationRow, result: TurnResult, committed: CommittedTurn, customerSpoke: boolean): Promise<void> {
    const timerId = sessionTimerId(conversation.id);
    if (result.status === 'ignored' || result.status === 'no_match') return;
    if (result.state.status !== 'waiting') {
      await db.query(`UPDATE timers SET status = 'cancelled' WHERE id = $1 AND status = 'pending'`, [timerId]);
      committed.timers.push({ action: 'cancel', timerId });
      return;
    }
    const pinned = result.state.flow;
    const settings = pinned ? (await this.catalog.getFlow(db, conversation.tenant_id, pinned.flowId, pinned.version))?.settings : undefined;
    const minutes = settings?.sessionTimeoutMinutes ?? DEFAULT_SESSION_MINUTES;
    const existing = await queryOne<{ status: string }>(db, `SELECT status FROM timers WHERE id = $1`, [timerId]);
    if (existing?.status === 'pending' && !customerSpoke) return;
    const fireAt = new Date(Date.now() + minutes * 60_000).toISOString();
    await db.query(
      `INSERT INTO timers (id, tenant_id, conversation_id, kind, fire_at) VALUES ($1, $2, $3, 'session', $4)
       ON CONFLICT (id) DO UPDATE SET fire_at = EXCLUDED.fire_at, status = 'pending'`,
      [timerId, conversation.tenant_id, conversation.id, fireAt]);
    committed.timers.push({ action: 'schedule', timerId, fireAt, nodeId: '' });
  }

  /** No message for the whole session: the run ends (with the flow's goodbye, if it has one); the next message starts afresh. */
  private async expireSession(db: EntityManager, conversation: ConversationRow, next: PendingEvent, settings: FlowRunSettings | undefined): Promise<CommittedTurn> {
    const state = conversation.state;
    const expired: TurnResult = {
      status: 'ended',
      state: state ? { ...state, status: 'ended', waiting: undefined, callStack: [] } : { schemaVersion: 1, status: 'ended', vars: {}, nodes: {}, callStack: [], turns: 0 },
      outbound: state?.status === 'waiting' && settings?.sessionEndMessage ? [{ kind: 'text', text: settings.sessionEndMessage }] : [],
      trace: [],
      // The wait's own timer (a question's timeout) goes with the session.
      timers: state?.waiting?.timerId ? [{ action: 'cancel', timerId: state.waiting.timerId }] : [],
    };
    const committed = await this.commitTurn(db, conversation, next, expired);
    committed.event.status = 'ended';
    await db.query(`UPDATE turns SET status = 'session_expired' WHERE id = $1`, [committed.event.turnId]);
    return committed;
  }

  private async loadContact(db: EntityManager, contactId: string): Promise<ContactInfo> {
    const row = (await queryOne<ContactRow>(db,
      `SELECT k.id, k.name, k.phone, k.fields, EXISTS (
          SELECT 1 FROM messages m JOIN conversations c ON c.id = m.conversation_id
           WHERE c.contact_id = k.id AND m.direction = 'in' AND m.status = 'processed') AS has_history
         FROM contacts k WHERE k.id = $1`, [contactId]))!;
    const contact: ContactInfo = { id: row.id, isNew: !row.has_history, fields: row.fields };
    if (row.name) contact.name = row.name;
    if (row.phone) contact.phone = row.phone;
    return contact;
  }

  private async commitTurn(db: EntityManager, conversation: ConversationRow, next: PendingEvent, result: TurnResult): Promise<CommittedTurn> {
    const changed = result.status !== 'ignored' && result.status !== 'no_match';
    const state = changed ? result.state : conversation.state;
    const turn = (await queryOne<{ id: string }>(db,
      `INSERT INTO turns (tenant_id, conversation_id, event, status, flow_id, flow_version, trace, error, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [conversation.tenant_id, conversation.id, JSON.stringify(next.event), result.status, state?.flow?.flowId ?? null,
        typeof state?.flow?.version === 'number' ? state.flow.version : null, JSON.stringify(result.trace), result.error ? JSON.stringify(result.error) : null,
        result.trace.reduce((sum, step) => sum + step.durationMs, 0)]))!;
    if (next.messageIds.length) {
      await db.query(`UPDATE messages SET status = 'processed', turn_id = $1 WHERE id = ANY($2::uuid[])`, [turn.id, next.messageIds]);
    }
    if (next.timerId) await db.query(`UPDATE timers SET status = 'fired' WHERE id = $1`, [next.timerId]);
    if (changed) {
      const live = conversation.source === 'live';
      await db.query(
        `UPDATE conversations SET state = $2, status = $3, updated_at = now(),
           flow_id = CASE WHEN $4 THEN $5::uuid ELSE flow_id END, flow_version = $6,
           last_inbound_at = CASE WHEN $7 THEN now() ELSE last_inbound_at END
         WHERE id = $1`,
        [conversation.id, JSON.stringify(result.state), conversationStatus(result), live, result.state.flow?.flowId ?? null,
          typeof result.state.flow?.version === 'number' ? result.state.flow.version : null, next.messageIds.length > 0]);
      if (result.contactFields) await db.query(`UPDATE contacts SET fields = $2 WHERE id = $1`, [conversation.contact_id, JSON.stringify(result.contactFields)]);
    }
    const replies: TurnCompletedEvent['replies'] = [];
    for (const [index, message] of result.outbound.entries()) {
      const row = (await queryOne<{ id: string }>(db,
        `INSERT INTO outbox (tenant_id, conversation_id, turn_id, idempotency_key, message) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [conversation.tenant_id, conversation.id, turn.id, `${turn.id}:${index}`, JSON.stringify(message)]))!;
      replies.push({ id: row.id, message });
    }
    for (const timer of result.timers) {
      if (timer.action === 'schedule') {
        await db.query(`INSERT INTO timers (id, tenant_id, conversation_id, fire_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
          [timer.timerId, conversation.tenant_id, conversation.id, timer.fireAt]);
      } else {
        await db.query(`UPDATE timers SET status = 'cancelled' WHERE id = $1 AND status = 'pending'`, [timer.timerId]);
      }
    }
    const waiting = result.state.status === 'waiting' ? result.state.waiting : undefined;
    const event: TurnCompletedEvent = {
      type: 'turn.completed', tenantId: conversation.tenant_id, conversationId: conversation.id, turnId: turn.id, messageIds: next.messageIds,
      status: result.status, replies, trace: result.trace, vars: state?.vars ?? {},
      waitingFor: waiting ? { nodeId: waiting.nodeId, for: waiting.for, ...(waiting.fireAt ? { fireAt: waiting.fireAt } : {}) } : null,
      ...(result.httpResponse ? { httpResponse: result.httpResponse } : {}),
    };
    return { event, timers: result.timers };
  }

  /** After commit: deliveries, timers, and the news for whoever waits (the simulator's request). */
  private async afterCommit({ event, timers }: CommittedTurn): Promise<void> {
    if (event.replies.length) await this.queue.add(DELIVERY_QUEUE, { conversationId: event.conversationId }, { key: deliveryJobKey(event.conversationId) });
    for (const timer of timers) {
      if (timer.action === 'schedule') {
        await this.queue.add(TIMER_QUEUE, { conversationId: event.conversationId, timerId: timer.timerId },
          { key: timerJobKey(timer.timerId), delayMs: Math.max(0, Date.parse(timer.fireAt) - Date.now()) });
      } else {
        await this.queue.cancel(TIMER_QUEUE, timerJobKey(timer.timerId));
      }
    }
    await this.events.publish(event);
  }
}

function conversationStatus(result: TurnResult): ConversationState['status'] {
  return result.state.status;
}

/** A committed turn: the news to publish, and the timers to queue or cancel. */
type CommittedTurn = { event: TurnCompletedEvent; timers: TimerEffect[] };
