import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { BullMqJobQueue } from './bullmq-queue';
import { InProcessJobQueue } from './in-process-queue';
import type { JobQueue, JobQueueHooks } from './job-queue.port';

/**
 * Shared by the queue specs only. No jest globals here: this file is not a *.spec.ts, so it also
 * compiles with the server (types: node) and must stay free of test-runner types.
 */

/** The specs need a real Redis; the environment may point them elsewhere (CI, docker). */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Redis stamps delays and the tests read Date.now(): allow for millisecond rounding between them, not more. */
export const CLOCK_SLACK_MS = 5;

export type QueueAdapter = { name: string; create(hooks: JobQueueHooks): JobQueue; setUp(): Promise<void>; tearDown(): Promise<void> };

/** Both adapters; BullMQ under a fresh prefix, whose keys tearDown() deletes. setUp() fails without Redis. */
export function queueAdapters(): QueueAdapter[] {
  const prefix = `fluxo-test-${randomUUID()}`;
  return [
    { name: 'in-process', create: (hooks) => new InProcessJobQueue(hooks), setUp: async () => undefined, tearDown: async () => undefined },
    {
      name: 'bullmq',
      create: (hooks) => new BullMqJobQueue({ ...hooks, redisUrl: TEST_REDIS_URL, prefix }),
      setUp: () => withRedis(async (redis) => void (await redis.ping())),
      tearDown: () => withRedis((redis) => deleteKeys(redis, `${prefix}*`)),
    },
  ];
}

/** Opens queues for one describe block, remembers them and the errors they report, closes them after each test. */
export class QueueHarness {
  private opened: JobQueue[] = [];
  private errors: Error[] = [];
  private queueCount = 0;

  constructor(private readonly adapter: QueueAdapter, private readonly label: string) {}

  /** Errors go to the harness unless the test passes its own onError. */
  open(hooks: JobQueueHooks = {}): JobQueue {
    const queue = this.adapter.create({ onError: (error) => this.errors.push(error), ...hooks });
    this.opened.push(queue);
    return queue;
  }

  /** A queue name no other test of this run uses. */
  queueName(): string {
    return `${this.label}-${(this.queueCount += 1)}`;
  }

  /** Closes what the test opened; returns the errors reported meanwhile (expected: none). */
  async closeAll(): Promise<Error[]> {
    await Promise.all(this.opened.splice(0).map((queue) => queue.close()));
    return this.errors.splice(0);
  }
}

export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => { resolve = done; });
  return { promise, resolve };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls a test's own observations; the adapters themselves never poll (but BullMQ's drain). */
export async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}

/** A short-lived connection that fails fast (no retries), so a missing Redis fails the suite with a clear message. */
export async function withRedis(use: (redis: IORedis) => Promise<void>): Promise<void> {
  const redis = new IORedis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2_000 });
  try {
    await redis.connect().catch((error: unknown) => {
      throw new Error(`the BullMQ tests need Redis at ${TEST_REDIS_URL} (set REDIS_URL): ${String(error)}`);
    });
    await use(redis);
  } finally {
    redis.disconnect();
  }
}

export async function deleteKeys(redis: IORedis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1_000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
