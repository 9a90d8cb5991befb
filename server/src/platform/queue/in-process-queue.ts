import { BackgroundWork } from './background-work';
import type { JobHandler, JobOptions, JobQueue, JobQueueHooks } from './job-queue.port';
import { systemClock } from './queue-clock';
import type { QueueClock } from './queue-clock';
import { newQueueState } from './in-process-state';
import type { Entry, QueueState } from './in-process-state';
import { errorReporter, reportFailure, resolveConcurrency, resolveJobOptions, retryDelayMs, toError } from './job-options';

type DrainWaiter = { cutoff: number; resolve: () => void };

/**
 * The embedded adapter: everything in memory, nothing survives a restart (the server re-enqueues
 * pending work from the database at start-up). Event-driven: timers and job completions move
 * jobs along, there is no polling.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly queues = new Map<string, QueueState>();
  private readonly runs = new Set<Promise<void>>();
  private readonly drainWaiters = new Set<DrainWaiter>();
  private readonly backgroundWork = new BackgroundWork(() => this.settleDrains());
  private readonly clock: QueueClock;
  /** Set when close() starts: no job starts any more. */
  private stopping = false;
  /** Set once running jobs are done: add() refuses. Until then a running job may still add follow-ups. */
  private closed = false;
  private closing?: Promise<void>;

  constructor(private readonly hooks: JobQueueHooks & { clock?: QueueClock } = {}) {
    this.clock = hooks.clock ?? systemClock;
  }

  async add<T extends object>(queue: string, data: T, options?: JobOptions): Promise<boolean> {
    if (this.closed) throw new Error('job queue is closed');
    const { key, delayMs, attempts, backoffMs } = resolveJobOptions(options);
    const state = this.state(queue);
    if (key !== undefined && state.pendingByKey.has(key)) return false;
    // Same round trip as through Redis: a handler must not depend on what JSON loses.
    const copy = JSON.parse(JSON.stringify(data)) as object;
    const entry: Entry = { data: copy, key, attempts, backoffMs, attempt: 0, dueAt: this.clock.now() + delayMs };
    if (key !== undefined) state.pendingByKey.set(key, entry);
    if (delayMs > 0) this.arm(state, entry);
    else this.enqueue(state, entry);
    return true;
  }

  process<T extends object>(queue: string, handler: JobHandler<T>, options?: { concurrency?: number }): void {
    if (this.stopping) throw new Error('job queue is closed');
    const state = this.state(queue);
    if (state.handler) throw new Error(`queue "${queue}" already has a handler in this process`);
    state.concurrency = resolveConcurrency(options);
    // The port hands each queue's handler the data it was given for that queue; the cast only erases T.
    state.handler = handler as JobHandler<object>;
    this.schedulePump(state);
  }

  background(work: Promise<unknown>): void {
    this.backgroundWork.add(work);
  }

  async cancel(queue: string, key: string): Promise<boolean> {
    const state = this.queues.get(queue);
    const entry = state?.pendingByKey.get(key);
    if (!state || !entry) return false;
    state.pendingByKey.delete(key);
    state.ready.delete(entry);
    state.timed.delete(entry);
    if (entry.timer !== undefined) this.clock.clearTimeout(entry.timer);
    this.settleDrains();
    return true;
  }

  drain(): Promise<void> {
    return new Promise((resolve) => {
      const waiter = { cutoff: this.clock.now(), resolve };
      if (this.isSettled(waiter.cutoff)) resolve();
      else this.drainWaiters.add(waiter);
    });
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  /** Pending jobs are dropped: memory is all this adapter has, and the database re-enqueues them at start-up. */
  private async shutDown(): Promise<void> {
    this.stopping = true;
    this.dropPending();
    while (this.runs.size > 0 || this.backgroundWork.size > 0) {
      await Promise.all(this.runs);
      await this.backgroundWork.settled();
    }
    this.closed = true;
    this.dropPending();
    this.settleDrains();
  }

  private dropPending(): void {
    for (const state of this.queues.values()) {
      for (const entry of state.timed) this.clock.clearTimeout(entry.timer);
      state.timed.clear();
      state.ready.clear();
      state.pendingByKey.clear();
    }
  }

  private state(name: string): QueueState {
    let state = this.queues.get(name);
    if (!state) this.queues.set(name, (state = newQueueState(name)));
    return state;
  }

  private arm(state: QueueState, entry: Entry): void {
    state.timed.add(entry);
    entry.timer = this.clock.setTimeout(() => {
      entry.timer = undefined;
      // Timers may fire a millisecond early; "no earlier than" is a promise, so re-arm for the rest.
      if (this.clock.now() < entry.dueAt) return this.arm(state, entry);
      state.timed.delete(entry);
      this.enqueue(state, entry);
    }, Math.max(0, entry.dueAt - this.clock.now()));
  }

  private enqueue(state: QueueState, entry: Entry): void {
    state.ready.add(entry);
    this.schedulePump(state);
  }

  /** Starts jobs on a microtask, never inside add() itself, so a handler never runs re-entrantly in its caller. */
  private schedulePump(state: QueueState): void {
    if (state.pumpScheduled) return;
    state.pumpScheduled = true;
    queueMicrotask(() => {
      state.pumpScheduled = false;
      this.pump(state);
    });
  }

  private pump(state: QueueState): void {
    const handler = state.handler;
    while (!this.stopping && handler && state.running < state.concurrency) {
      const next = state.ready.values().next();
      if (next.done) return;
      const entry = next.value;
      state.ready.delete(entry);
      if (entry.key !== undefined && state.pendingByKey.get(entry.key) === entry) state.pendingByKey.delete(entry.key);
      state.running += 1;
      entry.attempt += 1;
      const run = this.run(state, handler, entry);
      this.runs.add(run);
      void run.finally(() => this.runs.delete(run));
    }
  }

  /** Never rejects: every outcome is a retry, a report, or both. */
  private async run(state: QueueState, handler: JobHandler<object>, entry: Entry): Promise<void> {
    const queue = state.name;
    try {
      await handler(entry.data, { attempt: entry.attempt, attempts: entry.attempts, queue, key: entry.key });
    } catch (thrown) {
      const error = toError(thrown);
      if (entry.attempt >= entry.attempts) {
        await reportFailure(this.hooks, queue, entry.data, error, entry.attempts, entry.key);
      } else if (this.stopping) {
        errorReporter(this.hooks)(error, { queue, during: `attempt ${entry.attempt}; retry dropped because the queue closed` });
      } else {
        entry.dueAt = this.clock.now() + retryDelayMs(entry.backoffMs, entry.attempt);
        this.arm(state, entry);
      }
    } finally {
      state.running -= 1;
      this.pump(state);
      this.settleDrains();
    }
  }

  private isSettled(cutoff: number): boolean {
    if (this.backgroundWork.size > 0) return false;
    for (const state of this.queues.values()) {
      if (state.running > 0) return false;
      // Jobs of a queue nobody processes here cannot settle (nor after close): waiting for them would hang.
      if (!state.handler || this.stopping) continue;
      if (state.ready.size > 0) return false;
      for (const entry of state.timed) if (entry.attempt > 0 || entry.dueAt <= cutoff) return false;
    }
    return true;
  }

  private settleDrains(): void {
    for (const waiter of this.drainWaiters) {
      if (!this.isSettled(waiter.cutoff)) continue;
      this.drainWaiters.delete(waiter);
      waiter.resolve();
    }
  }
}
