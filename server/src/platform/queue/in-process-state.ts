import type { JobHandler } from './job-queue.port';

/** The in-process adapter's bookkeeping, one QueueState per queue name. */

export type Entry = {
  data: object;
  key: string | undefined;
  attempts: number;
  backoffMs: number;
  /** Attempts started so far. */
  attempt: number;
  dueAt: number;
  timer?: unknown;
};

export type QueueState = {
  name: string;
  /** Due jobs in arrival order; a Set so that cancel removes in O(1). */
  ready: Set<Entry>;
  /** Jobs waiting on a timer: first runs with a delay, and retries. */
  timed: Set<Entry>;
  /** Keyed jobs not started yet: the de-duplication and cancel index. */
  pendingByKey: Map<string, Entry>;
  running: number;
  handler?: JobHandler<object>;
  concurrency: number;
  pumpScheduled: boolean;
};

export function newQueueState(name: string): QueueState {
  return { name, ready: new Set(), timed: new Set(), pendingByKey: new Map(), running: 0, concurrency: 1, pumpScheduled: false };
}
