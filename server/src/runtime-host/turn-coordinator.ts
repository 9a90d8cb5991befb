import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { TimerEffect, TurnResult } from '@fluxo/engine';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { runWithLogContext } from '../platform/logging/log-context';
import { JOB_QUEUE } from '../platform/queue';
import type { JobQueue } from '../platform/queue';
import { FlowCatalog } from './flow-catalog';
import type { FlowRunSettings, FlowScope } from './flow-catalog';
import { OutboxDelivery } from './outbox-delivery';
import { hasMoreAfter, nextEvent } from './pending-event';
import type { PendingEvent } from './pending-event';
import { TIMER_QUEUE, timerJobKey, TURN_QUEUE, turnJobKey } from './queues';
import { RUNTIME_EVENTS } from './turn-events';
import { TurnServices } from './turn-services';
import type { RuntimeEvents, TurnCompletedEvent } from './turn-events';
import { TurnBatches } from './turn-batch';
import type { CommittedWrite, OpenTurn, TurnContext, TurnWrite } from './turn-store';

/** A waiting run's session lasts this long without a message, unless its flow says otherwise (24 h). */
export const DEFAULT_SESSION_MINUTES = 1_440;
export const sessionTimerId = (conversationId: string) => `session:${conversationId}`;

/**
 * Turn batches (turn-batch.ts): at most two open at once, so that under load the turns that start
 * meanwhile gather (2.6 a batch on average at 16 workers, bench:channels); with more open at once
 * fewer gather, with one the turns queue behind each batch's engines.
 */
const TURN_BATCHES = { maxTurns: 16, maxOpen: 2 };

/** Turns one job runs before it hands the rest to a fresh job (fairness between conversations). */
const TURNS_PER_JOB = 20;

/**
 * A committed turn: the news to publish, the timers to queue or cancel, whether more is waiting,
 * and its replies' delivery (the lease the commit took, with the rows to send).
 */
type CommittedTurn = {
  event: TurnCompletedEvent; timers: TimerEffect[]; more: boolean; delivery: CommittedWrite['delivery'];
  /**
   * Whether anyone may wait for the news: the simulator and HTTP triggers do, on conversations of
   * their own. A connected channel's conversation answers through its channel and nobody awaits
   * its turns, so publishing would only cost every process a Redis message per turn.
   */
  announce: boolean;
};

/**
 * Runs a conversation's pending events one turn at a time, in arrival order. The conversation row
 * is locked for the turn (a mailbox across every worker process); state, trace, outbox and timers
 * commit in the same transaction, and only then are deliveries and timers queued.
 */
@Injectable()
export class TurnCoordinator {
  private readonly batches: TurnBatches;

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: FlowCatalog,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(RUNTIME_EVENTS) private readonly events: RuntimeEvents,
    private readonly services: TurnServices,
    private readonly delivery: OutboxDelivery,
  ) {
    this.batches = new TurnBatches(dataSource, TURN_BATCHES);
  }

  /** Asks a worker to run the conversation's pending turns. */
  async requestTurns(conversationId: string, delayMs = 0): Promise<void> {
    await this.queue.add(TURN_QUEUE, { conversationId }, { key: turnJobKey(conversationId), delayMs });
  }

  /** The turn job: every pending event of the conversation, one turn each. */
  async runPendingTurns(conversationId: string): Promise<void> {
    await runWithLogContext({ conversationId }, async () => {
      for (let i = 0; i < TURNS_PER_JOB; i++) {
        const committed = await this.batches.run(conversationId, (turn) => this.runNextTurn(turn));
        if (!committed) return;
        await this.afterCommit(committed);
        if (!committed.more) return;
      }
      await this.requestTurns(conversationId);
    });
  }

  private async runNextTurn(turn: OpenTurn): Promise<CommittedTurn | null> {
    const { db, context } = turn;
    if (!context) return null;
    const { conversation } = context;
    const settings = await this.settingsOf(db, context);
    const next = nextEvent(context.mailbox, { mergeTexts: (settings?.debounceMs ?? 0) > 0 });
    if (!next) return null;
    if (conversation.botPaused && next.messageIds.length) return this.holdWhilePaused(db, conversation.id);
    const turnId = randomUUID();
    if (next.kind === 'session-expired') return this.expireSession(turn, context, next, turnId, settings);
    const scope: FlowScope = conversation.source === 'live' || !conversation.flowId
      ? { kind: 'live', flowIds: conversation.channelFlowIds, published: conversation.publishedFlows }
      : { kind: conversation.source, flowId: conversation.flowId };
    const services = this.services.forTurn({ tenantId: conversation.tenantId, conversationId: conversation.id, channel: conversation.channel, channelId: conversation.channelId });
    const result = await this.catalog.engine.runTurn({
      state: conversation.state, event: next.event, timeZone: conversation.timeZone, contact: context.contact,
      conversation: { id: conversation.id, channel: conversation.channel }, flows: this.catalog.source(db, conversation.tenantId, scope),
      ...(services ? { services } : {}),
      // The tenant's catch-all serves real channels; a simulation tests one flow alone.
      ...(scope.kind === 'live' && conversation.fallbackFlowId ? { fallbackFlowId: conversation.fallbackFlowId } : {}),
    });
    const session = await this.sessionDeadline(db, context, result, next.messageIds.length > 0);
    return this.commit(turn, context, { turnId, next, result, status: result.status, session });
  }

  /**
   * A human took the conversation after these messages were queued (a debounce window, a busy
   * worker): they are kept for the human, as the intake keeps those that arrive during the pause,
   * and the bot does not answer over them.
   */
  private async holdWhilePaused(db: EntityManager, conversationId: string): Promise<null> {
    await db.query(`UPDATE messages SET status = 'held' WHERE conversation_id = $1 AND direction = 'in' AND status = 'received'`, [conversationId]);
    return null;
  }

  /** The settings of the flow version the conversation runs (debounce, session timeout). */
  private async settingsOf(db: EntityManager, { conversation }: TurnContext): Promise<FlowRunSettings | undefined> {
    const pinned = conversation.state?.flow;
    if (pinned) return (await this.catalog.getFlow(db, conversation.tenantId, pinned.flowId, pinned.version))?.settings;
    if (conversation.source !== 'live' && conversation.flowId) {
      return (await this.catalog.getFlow(db, conversation.tenantId, conversation.flowId, conversation.source === 'draft' ? 'draft' : undefined))?.settings;
    }
    return undefined;
  }

  /**
   * While a run waits for the customer, its session lasts `sessionTimeoutMinutes` after the last
   * message; each message moves the deadline, and a run that ends takes its session timer along.
   */
  private async sessionDeadline(db: EntityManager, context: TurnContext, result: TurnResult, customerSpoke: boolean): Promise<TurnWrite['session']> {
    const timerId = sessionTimerId(context.conversation.id);
    if (result.status === 'ignored' || result.status === 'no_match') return null;
    if (result.state.status !== 'waiting') return context.conversation.state?.status === 'waiting' ? { action: 'cancel', timerId } : null;
    const pinned = result.state.flow;
    const settings = pinned ? (await this.catalog.getFlow(db, context.conversation.tenantId, pinned.flowId, pinned.version))?.settings : undefined;
    const minutes = settings?.sessionTimeoutMinutes ?? DEFAULT_SESSION_MINUTES;
    return { action: customerSpoke ? 'renew' : 'keep', timerId, fireAt: new Date(Date.now() + minutes * 60_000).toISOString() };
  }

  /** No message for the whole session: the run ends (with the flow's goodbye, if it has one); the next message starts afresh. */
  private async expireSession(turn: OpenTurn, context: TurnContext, next: PendingEvent, turnId: string, settings: FlowRunSettings | undefined): Promise<CommittedTurn> {
    const state = context.conversation.state;
    const expired: TurnResult = {
      status: 'ended',
      state: state ? { ...state, status: 'ended', waiting: undefined, callStack: [] } : { schemaVersion: 1, status: 'ended', vars: {}, nodes: {}, callStack: [], turns: 0 },
      outbound: state?.status === 'waiting' && settings?.sessionEndMessage ? [{ kind: 'text', text: settings.sessionEndMessage }] : [],
      trace: [],
      // The wait's own timer (a question's timeout) goes with the session.
      timers: state?.waiting?.timerId ? [{ action: 'cancel', timerId: state.waiting.timerId }] : [],
    };
    return this.commit(turn, context, { turnId, next, result: expired, status: 'session_expired', session: null });
  }

  private async commit(turn: OpenTurn, context: TurnContext, write: TurnWrite): Promise<CommittedTurn> {
    const { replies, delivery } = await turn.commit(write, write.result.outbound.length ? randomUUID() : undefined);
    const { result, next, session } = write;
    const timers = [...result.timers];
    if (session?.action === 'cancel') timers.push({ action: 'cancel', timerId: session.timerId });
    else if (session) timers.push({ action: 'schedule', timerId: session.timerId, fireAt: session.fireAt, nodeId: '' });
    const waiting = result.state.status === 'waiting' ? result.state.waiting : undefined;
    const event: TurnCompletedEvent = {
      type: 'turn.completed', tenantId: context.conversation.tenantId, conversationId: context.conversation.id, turnId: write.turnId,
      messageIds: next.messageIds, status: result.status, replies,
      ...(context.conversation.source === 'live' ? {} : { trace: result.trace, vars: result.state.vars ?? {} }),
      waitingFor: waiting ? { nodeId: waiting.nodeId, for: waiting.for, ...(waiting.fireAt ? { fireAt: waiting.fireAt } : {}) } : null,
      ...(result.httpResponse ? { httpResponse: result.httpResponse } : {}),
    };
    return { event, timers, more: hasMoreAfter(context.mailbox, next), delivery, announce: context.conversation.channelId === null };
  }

  /**
   * After commit: timers, the news for whoever waits (the simulator's request, which need not wait
   * for a provider to answer), then the replies.
   */
  private async afterCommit({ event, timers, delivery, announce }: CommittedTurn): Promise<void> {
    try {
      for (const timer of timers) {
        if (timer.action === 'schedule') {
          await this.queue.add(TIMER_QUEUE, { conversationId: event.conversationId, timerId: timer.timerId },
            { key: timerJobKey(timer.timerId), delayMs: Math.max(0, Date.parse(timer.fireAt) - Date.now()) });
        } else {
          await this.queue.cancel(TIMER_QUEUE, timerJobKey(timer.timerId));
        }
      }
      if (announce) await this.events.publish(event);
    } finally {
      // The commit took the delivery lease: whatever failed above, the replies still go (or are queued).
      if (delivery) await this.deliverNow(event.conversationId, delivery);
    }
  }

  /**
   * The replies go out from the turn's own job, under the delivery lease the commit took: a job of
   * their own cost a queue round (three Redis scripts and a hop through the queue) and two
   * statements per turn. What cannot go now (a channel's pace, a retry, the lease busy) is queued by
   * the delivery itself; a slow provider's delivery goes on in the background once the job has
   * waited `DELIVERY_WAIT_MS`, so it does not hold the worker other conversations need.
   */
  private async deliverNow(conversationId: string, { holder, rows }: NonNullable<CommittedWrite['delivery']>): Promise<void> {
    await this.delivery.sendLeased(conversationId, holder, rows);
  }

}
