import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../platform/config/app-config';
import type { AppConfig } from '../platform/config/app-config';
import { queryOne, queryRows } from '../platform/database/sql';
import { logger } from '../platform/logging/logger';
import { JOB_QUEUE } from '../platform/queue';
import type { JobQueue } from '../platform/queue';
import { OutboxDelivery } from './outbox-delivery';
import { DELIVERY_QUEUE, deliveryJobKey, TIMER_QUEUE, timerJobKey, TURN_QUEUE } from './queues';
import type { ConversationJob, TimerJob } from './queues';
import { TurnCoordinator } from './turn-coordinator';

export const RUNS_WORKER = Symbol('RUNS_WORKER');

/** How often a worker looks for pending work that no job carries any more. */
const SWEEP_EVERY_MS = 15_000;
/** Pending work younger than this still has its job on the way. */
const STALE_AFTER_MS = 30_000;

/**
 * The worker side: job processors for turns, timers and deliveries, and, at start, the recovery
 * of whatever the database says is pending (work queued before a crash or a deploy).
 */
@Injectable()
export class RuntimeWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    @Inject(RUNS_WORKER) private readonly enabled: boolean,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly dataSource: DataSource,
    private readonly turns: TurnCoordinator,
    private readonly delivery: OutboxDelivery,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    this.queue.process<ConversationJob>(TURN_QUEUE, (job) => this.turns.runPendingTurns(job.conversationId), { concurrency: this.config.turns.concurrency });
    this.queue.process<TimerJob>(TIMER_QUEUE, (job) => this.fireTimer(job), { concurrency: 4 });
    this.queue.process<ConversationJob>(DELIVERY_QUEUE, (job) => this.delivery.sendPending(job.conversationId), { concurrency: 8 });
    await this.requeuePendingWork(0);
    this.startSweeping();
  }

  /** A timer job can run a little early (clocks differ between Redis and Postgres): then it waits again. */
  private async fireTimer(job: TimerJob): Promise<void> {
    const timer = await queryOne<{ ms_left: number }>(this.dataSource,
      `SELECT greatest(0, ceil(extract(epoch FROM fire_at - now()) * 1000))::int AS ms_left FROM timers WHERE id = $1 AND status = 'pending'`, [job.timerId]);
    if (!timer) return;
    if (timer.ms_left > 0) {
      await this.queue.add(TIMER_QUEUE, job, { key: timerJobKey(job.timerId), delayMs: timer.ms_left });
      return;
    }
    await this.turns.runPendingTurns(job.conversationId);
  }

  /**
   * Re-queues whatever the database says is pending and older than `olderThanMs`: everything at
   * start (work queued before a crash or a deploy), and periodically what a lost job left behind
   * (a Redis restart, a job that ran out of attempts while a channel was down).
   */
  async requeuePendingWork(olderThanMs: number): Promise<{ conversations: number; timers: number; deliveries: number }> {
    const inbound = await queryRows<{ conversation_id: string }>(this.dataSource,
      `SELECT DISTINCT conversation_id FROM messages
        WHERE direction = 'in' AND status = 'received' AND created_at < now() - make_interval(secs => $1)`, [olderThanMs / 1000]);
    for (const row of inbound) await this.turns.requestTurns(row.conversation_id);
    const timers = await queryRows<{ id: string; conversation_id: string; ms_left: number }>(this.dataSource,
      `SELECT id, conversation_id, greatest(0, ceil(extract(epoch FROM fire_at - now()) * 1000))::int AS ms_left FROM timers
        WHERE status = 'pending' AND ($1 = 0 OR fire_at < now() - make_interval(secs => $1))`, [olderThanMs / 1000]);
    for (const timer of timers) {
      await this.queue.add(TIMER_QUEUE, { conversationId: timer.conversation_id, timerId: timer.id }, { key: timerJobKey(timer.id), delayMs: timer.ms_left });
    }
    const outbox = await queryRows<{ conversation_id: string }>(this.dataSource,
      `SELECT DISTINCT conversation_id FROM outbox WHERE status = 'pending' AND created_at < now() - make_interval(secs => $1)`, [olderThanMs / 1000]);
    for (const row of outbox) await this.queue.add(DELIVERY_QUEUE, { conversationId: row.conversation_id }, { key: deliveryJobKey(row.conversation_id) });
    const found = { conversations: inbound.length, timers: timers.length, deliveries: outbox.length };
    if (found.conversations || found.timers || found.deliveries) logger.info({ ...found, olderThanMs }, 're-queued pending work');
    return found;
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /** Every process that runs jobs sweeps; keyed jobs keep the sweeps of several workers from doubling work. */
  private startSweeping(): void {
    this.sweeper = setInterval(() => {
      this.requeuePendingWork(STALE_AFTER_MS).catch((error: unknown) => logger.error({ err: error }, 'sweeping pending work failed'));
    }, SWEEP_EVERY_MS);
    this.sweeper.unref();
  }
}
