import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import type { BackoffStrategy, Job, JobsOptions } from 'bullmq';
import IORedis from 'ioredis';
import { BackgroundWork } from './background-work';
import type { JobHandler, JobOptions, JobQueue, JobQueueHooks } from './job-queue.port';
import { areBullQueuesSettled } from './bullmq-settled';
import { DEFAULT_BACKOFF_MS, errorReporter, reportFailure, resolveConcurrency, resolveJobOptions, retryDelayMs, toError } from './job-options';

export type BullMqJobQueueOptions = JobQueueHooks & {
  redisUrl: string;
  /** Namespaces every Redis key; processes that share work must share it. Tests use a random one. */
  prefix?: string;
};

type FluxoJob = Job<object, void, string>;

/** Our own backoff type so the 60 s cap applies: BullMQ's built-in exponential is uncapped. */
const BACKOFF_TYPE = 'fluxo-capped-exponential';
const cappedBackoff: BackoffStrategy = (attemptsMade, _type, _error, job) => {
  const backoff = job?.opts.backoff;
  const base = typeof backoff === 'number' ? backoff : (backoff?.delay ?? DEFAULT_BACKOFF_MS);
  return retryDelayMs(base, attemptsMade);
};

/** Bounded history: the database keeps the real record, Redis only enough to debug recent jobs. */
const KEEP_COMPLETED = { age: 60 * 60, count: 1_000 };
const KEEP_FAILED = { age: 7 * 24 * 60 * 60, count: 10_000 };
const DRAIN_POLL_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Redis adapter: jobs survive restarts and are shared by every process with the same prefix
 * (the api adds, the worker processes).
 *
 * Why the key maps to `deduplication: { id }` plus a release at start, and not to `jobId`:
 * - `jobId: key` refuses the add while a job with that id exists in ANY state, running or kept
 *   as completed/failed, so the turn a running job cannot see would be lost.
 * - `deduplication` (simple mode) holds the key until the job finishes, also too long; its
 *   `keepLastIfActive` variant merges adds made while running into one, keeping the last data.
 * So the worker releases the key (an atomic compare-and-delete in BullMQ) as the very first thing
 * a job does, before the handler. The key then dedupes exactly while waiting/delayed. An add that
 * lands between "job became active" and the release is still refused, which is safe: that job's
 * handler has not started, and it reads the database after that add.
 */
export class BullMqJobQueue implements JobQueue {
  /** One connection for every producer-side call (add, cancel, drain); each Worker opens its own. */
  private readonly connection: IORedis;
  private readonly queues = new Map<string, Queue<object, void, string>>();
  private readonly workers = new Map<string, Worker<object, void, string>>();
  private readonly prefix: string;
  /** Set when close() starts: process() refuses. */
  private stopping = false;
  /** Set once workers are done: add() refuses. Until then a running job may still add follow-ups. */
  private closed = false;
  private closing?: Promise<void>;
  private readonly backgroundWork = new BackgroundWork();

  constructor(private readonly options: BullMqJobQueueOptions) {
    this.prefix = options.prefix ?? 'fluxo';
    // Adds made in the same tick (the turns of a batch of webhooks) go to Redis in one write.
    this.connection = new IORedis(options.redisUrl, { enableAutoPipelining: true });
    this.connection.on('error', (error: Error) => errorReporter(options)(error, { during: 'redis connection' }));
  }

  async add<T extends object>(queue: string, data: T, options?: JobOptions): Promise<boolean> {
    if (this.closed) throw new Error('job queue is closed');
    const { key, delayMs, attempts, backoffMs } = resolveJobOptions(options);
    const jobId = randomUUID();
    const jobOptions: JobsOptions = {
      jobId,
      delay: delayMs,
      attempts,
      backoff: { type: BACKOFF_TYPE, delay: backoffMs },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
      ...(key === undefined ? {} : { deduplication: { id: key } }),
    };
    const job = await this.queue(queue).add(queue, data, jobOptions);
    // A deduplicated add returns the job that holds the key, hence another id.
    return job.id === jobId;
  }

  process<T extends object>(queue: string, handler: JobHandler<T>, options?: { concurrency?: number }): void {
    if (this.stopping) throw new Error('job queue is closed');
    if (this.workers.has(queue)) throw new Error(`queue "${queue}" already has a handler in this process`);
    const concurrency = resolveConcurrency(options);
    // The port hands each queue's handler the data it was given for that queue; the cast only erases T.
    const run = (job: FluxoJob) => this.run(queue, handler as JobHandler<object>, job);
    const worker = new Worker<object, void, string>(queue, run, {
      connection: { url: this.options.redisUrl },
      prefix: this.prefix,
      concurrency,
      settings: { backoffStrategy: cappedBackoff },
    });
    worker.on('error', (error) => errorReporter(this.options)(error, { queue, during: 'worker' }));
    this.workers.set(queue, worker);
  }

  background(work: Promise<unknown>): void {
    this.backgroundWork.add(work);
  }

  async cancel(queue: string, key: string): Promise<boolean> {
    const bullQueue = this.queue(queue);
    const jobId = await bullQueue.getDeduplicationJobId(key);
    if (!jobId) return false;
    // remove() refuses a running (locked) job. A job that finished in the instant between the two
    // calls would still count as removed: handlers re-check the database, the source of truth.
    return (await bullQueue.remove(jobId)) === 1;
  }

  async drain(): Promise<void> {
    const cutoff = Date.now();
    const queues = [...this.workers.keys()].map((name) => this.queue(name));
    // Polling is acceptable here: drain() is for tests, and Redis has no "all idle" notification.
    for (;;) {
      await this.backgroundWork.settled();
      if ((await areBullQueuesSettled(this.connection, queues, cutoff)) && this.backgroundWork.size === 0) return;
      await sleep(DRAIN_POLL_MS);
    }
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.stopping = true;
    // Workers first: Worker.close() waits for the running jobs, which may still add follow-ups.
    await Promise.all([...this.workers.values()].map((worker) => worker.close()));
    await this.backgroundWork.settled();
    this.closed = true;
    await Promise.all([...this.queues.values()].map((bullQueue) => bullQueue.close()));
    if (this.connection.status !== 'end') await this.connection.quit();
  }

  private queue(name: string): Queue<object, void, string> {
    let bullQueue = this.queues.get(name);
    if (!bullQueue) {
      bullQueue = new Queue<object, void, string>(name, { connection: this.connection, prefix: this.prefix });
      bullQueue.on('error', (error) => errorReporter(this.options)(error, { queue: name, during: 'queue' }));
      this.queues.set(name, bullQueue);
    }
    return bullQueue;
  }

  private async run(queue: string, handler: JobHandler<object>, job: FluxoJob): Promise<void> {
    const key = job.deduplicationId;
    // Through the producer's auto-pipelined connection, not the worker's: the jobs that start in one
    // event-loop pass free their keys in one write. Only a key that still names this job goes.
    if (key !== undefined) await this.queue(queue).backend.removeDeduplicationKey(key, job.id!);
    const attempt = job.attemptsMade + 1;
    const attempts = job.opts.attempts ?? 1;
    try {
      await handler(job.data, { attempt, attempts, queue, key });
    } catch (thrown) {
      const error = toError(thrown);
      // Reported before BullMQ records the failure, so drain() also waits for the hook.
      if (attempt >= attempts) await reportFailure(this.options, queue, job.data, error, attempts, key);
      throw error;
    }
  }
}
