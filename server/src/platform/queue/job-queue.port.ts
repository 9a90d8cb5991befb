/**
 * The job queue port. Conversation turns, timers and outbox deliveries run as jobs; the database
 * stays the source of truth for that work, a job only points at it. Framework-free on purpose:
 * the Nest wiring, the in-process adapter and the BullMQ adapter all depend on this file, never
 * the other way round.
 */

export type JobOptions = {
  /**
   * De-duplication key: while a job with this key is waiting/delayed (not yet started), adding
   * another with the same key does nothing and returns false. Once it is running or done, a new
   * add with the same key IS accepted (a new turn may be needed).
   */
  key?: string;
  /** Run no earlier than this many ms from now. */
  delayMs?: number;
  /** Total attempts including the first (default 5). */
  attempts?: number;
  /** Exponential back-off base in ms (default 500): retry n waits base * 2^(n-1), capped at 60 s. */
  backoffMs?: number;
};

export type JobMeta = {
  /** 1 on the first run, 2 on the first retry, ... */
  attempt: number;
  /** Total attempts allowed, so a handler can tell its last chance. */
  attempts: number;
  queue: string;
  key?: string;
};

/**
 * Runs one job. `data` went through JSON on the way (in both adapters), so Dates arrive as strings
 * and class instances as plain objects: validate it, it may come from an older release.
 */
export type JobHandler<T> = (data: T, meta: JobMeta) => Promise<void>;

/** Called once per job whose last attempt threw; `data` is whatever was added. */
export type JobFailedHook = (queue: string, data: unknown, error: Error, attempts: number, key?: string) => void | Promise<void>;

/** Problems that belong to no caller: a connection error, an `onFailed` hook that threw. */
export type QueueErrorHook = (error: Error, context: { queue?: string; during: string }) => void;

export type JobQueueHooks = {
  /** Without it, exhausted jobs are reported through `onError`, never dropped silently. */
  onFailed?: JobFailedHook;
  /** Defaults to a Node process warning; the server passes its logger. */
  onError?: QueueErrorHook;
};

export interface JobQueue {
  /** Adds a job; returns false when de-duplicated by key. */
  add<T extends object>(queue: string, data: T, options?: JobOptions): Promise<boolean>;
  /** Starts processing `queue` with at most `concurrency` (default 1) jobs at once in this process; once per queue. */
  process<T extends object>(queue: string, handler: JobHandler<T>, options?: { concurrency?: number }): void;
  /**
   * Work left running that may still add jobs: a delivery a job leaves to a slow provider so that
   * it frees its worker, a turn request a webhook sends after answering. close() and drain() wait
   * for it. It must handle its own failure; the queue only waits for it to settle.
   */
  background(work: Promise<unknown>): void;
  /** Removes a waiting/delayed job by key (used to cancel timers); true if one was removed. */
  cancel(queue: string, key: string): Promise<boolean>;
  /**
   * Resolves when every job added so far (including delayed ones due by now, and retries) has
   * settled: for tests. Only queues this instance process()es count; others could never settle here.
   */
  drain?(): Promise<void>;
  /** Stops taking new jobs, waits for running ones, releases connections. */
  close(): Promise<void>;
}

/** Injection token for the JobQueue. */
export const JOB_QUEUE = Symbol('JOB_QUEUE');
