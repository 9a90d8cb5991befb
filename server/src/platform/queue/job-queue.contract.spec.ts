import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { BullMqJobQueue } from './bullmq-queue';
import { InProcessJobQueue } from './in-process-queue';
import type { JobQueue, JobQueueHooks } from './job-queue.port';

/**
 * One contract, both adapters. BullMQ runs against a real Redis: if it is unreachable these tests
 * FAIL (never skip), so CI cannot go green without exercising the adapter production uses.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Redis stamps delays and the test reads Date.now(): allow for millisecond rounding between them, not more. */
const CLOCK_SLACK_MS = 5;

type Adapter = { name: string; create(hooks: JobQueueHooks): JobQueue; setUp(): Promise<void>; tearDown(): Promise<void> };

const prefix = `fluxo-test-${randomUUID()}`;
const adapters: Adapter[] = [
  { name: 'in-process', create: (hooks) => new InProcessJobQueue(hooks), setUp: async () => undefined, tearDown: async () => undefined },
  {
    name: 'bullmq',
    create: (hooks) => new BullMqJobQueue({ ...hooks, redisUrl: REDIS_URL, prefix }),
    setUp: () => withRedis(async (redis) => void (await redis.ping())),
    tearDown: () => withRedis((redis) => deleteKeys(redis, `${prefix}:*`)),
  },
];

describe.each(adapters)('JobQueue contract: $name', (adapter) => {
  const opened: JobQueue[] = [];
  let errors: Error[] = [];
  let queueCount = 0;
  const queueName = () => `contract-${(queueCount += 1)}`;
  const open = (hooks: JobQueueHooks = {}) => {
    const queue = adapter.create({ onError: (error) => errors.push(error), ...hooks });
    opened.push(queue);
    return queue;
  };

  beforeAll(() => adapter.setUp());
  afterAll(() => adapter.tearDown());
  beforeEach(() => { errors = []; });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((queue) => queue.close()));
    expect(errors).toEqual([]);
  });

  it('de-duplicates by key while the job waits or is delayed; unkeyed adds are never de-duplicated', async () => {
    const queue = open();
    const name = queueName();
    await expect(queue.add(name, { n: 1 }, { key: 'k' })).resolves.toBe(true);
    await expect(queue.add(name, { n: 2 }, { key: 'k' })).resolves.toBe(false);
    await expect(queue.add(name, { n: 3 }, { key: 'other' })).resolves.toBe(true);
    await expect(queue.add(name, { n: 4 })).resolves.toBe(true);
    await expect(queue.add(name, { n: 4 })).resolves.toBe(true);
    await expect(queue.add(name, { n: 5 }, { key: 'later', delayMs: 100 })).resolves.toBe(true);
    await expect(queue.add(name, { n: 6 }, { key: 'later' })).resolves.toBe(false);

    const seen: number[] = [];
    queue.process<{ n: number }>(name, async ({ n }) => void seen.push(n));
    await waitUntil(() => seen.length === 5);
    await queue.drain?.();
    expect(seen.sort()).toEqual([1, 3, 4, 4, 5]);
  });

  it('accepts the key again once the job has started, and passes it in meta', async () => {
    const queue = open();
    const name = queueName();
    const started = deferred();
    const release = deferred();
    const calls: Array<{ n: number; key?: string; attempt: number }> = [];
    queue.process<{ n: number }>(name, async ({ n }, meta) => {
      calls.push({ n, key: meta.key, attempt: meta.attempt });
      if (n === 1) {
        started.resolve();
        await release.promise;
      }
    });
    await queue.add(name, { n: 1 }, { key: 'k' });
    await started.promise;
    await expect(queue.add(name, { n: 2 }, { key: 'k' })).resolves.toBe(true);
    // Concurrency 1: job 2 is waiting now, so the key de-duplicates again.
    await expect(queue.add(name, { n: 3 }, { key: 'k' })).resolves.toBe(false);
    release.resolve();
    await waitUntil(() => calls.length === 2);
    await queue.drain?.();
    expect(calls).toEqual([{ n: 1, key: 'k', attempt: 1 }, { n: 2, key: 'k', attempt: 1 }]);
  });

  it('runs a delayed job no earlier than its delay, after jobs due sooner', async () => {
    const queue = open();
    const name = queueName();
    const runs: Array<{ n: number; at: number }> = [];
    queue.process<{ n: number }>(name, async ({ n }) => void runs.push({ n, at: Date.now() }));
    const before = Date.now();
    await queue.add(name, { n: 1 }, { delayMs: 300 });
    await queue.add(name, { n: 2 });
    await waitUntil(() => runs.length === 2);
    expect(runs.map((run) => run.n)).toEqual([2, 1]);
    expect(runs[1]!.at - before).toBeGreaterThanOrEqual(300 - CLOCK_SLACK_MS);
  });

  it('retries with exponential back-off, then reports the job to onFailed once', async () => {
    const failures: unknown[] = [];
    const reported = deferred();
    const queue = open({ onFailed: (...args) => { failures.push(args); reported.resolve(); } });
    const name = queueName();
    const runs: Array<{ attempt: number; attempts: number; at: number }> = [];
    queue.process(name, async (_data, { attempt, attempts, queue: queueOfJob }) => {
      expect(queueOfJob).toBe(name);
      runs.push({ attempt, attempts, at: Date.now() });
      throw new Error(`boom ${attempt}`);
    });
    await queue.add(name, { n: 1 }, { attempts: 3, backoffMs: 50, key: 'r' });
    await reported.promise;
    await queue.drain?.();

    expect(runs.map(({ attempt, attempts }) => [attempt, attempts])).toEqual([[1, 3], [2, 3], [3, 3]]);
    expect(runs[1]!.at - runs[0]!.at).toBeGreaterThanOrEqual(50 - CLOCK_SLACK_MS);
    expect(runs[2]!.at - runs[1]!.at).toBeGreaterThanOrEqual(100 - CLOCK_SLACK_MS);
    expect(failures).toEqual([[name, { n: 1 }, expect.objectContaining({ message: 'boom 3' }), 3, 'r']]);
  });

  it('does not report a job that succeeds on a retry; drain waits for the retry', async () => {
    const onFailed = jest.fn();
    const queue = open({ onFailed });
    const name = queueName();
    const attempts: number[] = [];
    queue.process(name, async (_data, { attempt }) => {
      attempts.push(attempt);
      if (attempt === 1) throw new Error('transient');
    });
    await queue.add(name, { n: 1 }, { backoffMs: 30 });
    await waitUntil(() => attempts.length === 1);
    await queue.drain?.();
    expect(attempts).toEqual([1, 2]);
    expect(onFailed).not.toHaveBeenCalled();
  });

  it('reports an exhausted job through onError when there is no onFailed', async () => {
    const seen: Error[] = [];
    const queue = adapter.create({ onError: (error) => seen.push(error) });
    opened.push(queue);
    const name = queueName();
    queue.process(name, async () => { throw new Error('always'); });
    await queue.add(name, { n: 1 }, { attempts: 1 });
    await waitUntil(() => seen.length === 1);
    expect(seen[0]!.message).toBe('always');
  });

  it('reports an onFailed hook that throws through onError, and keeps going', async () => {
    const seen: Error[] = [];
    const queue = adapter.create({ onFailed: () => { throw new Error('hook broke'); }, onError: (error) => seen.push(error) });
    opened.push(queue);
    const name = queueName();
    let runs = 0;
    queue.process<{ fail: boolean }>(name, async ({ fail }) => {
      runs += 1;
      if (fail) throw new Error('job broke');
    });
    await queue.add(name, { fail: true }, { attempts: 1 });
    await queue.add(name, { fail: false });
    await waitUntil(() => seen.length === 1 && runs === 2);
    expect(seen[0]!.message).toBe('hook broke');
  });

  it('never runs more than `concurrency` jobs of a queue at once', async () => {
    const queue = open();
    const name = queueName();
    for (let n = 0; n < 6; n += 1) await queue.add(name, { n });
    let active = 0;
    let maxActive = 0;
    let done = 0;
    queue.process(name, async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      // Long enough for a loaded machine to start a second job meanwhile.
      await sleep(100);
      active -= 1;
      done += 1;
    }, { concurrency: 2 });
    await waitUntil(() => done === 6);
    expect(maxActive).toBe(2);
  });

  it('cancels a delayed job by key, but not a running one', async () => {
    const queue = open();
    const name = queueName();
    const seen: number[] = [];
    const started = deferred();
    const release = deferred();
    queue.process<{ n: number }>(name, async ({ n }) => {
      seen.push(n);
      if (n === 3) {
        started.resolve();
        await release.promise;
      }
    }, { concurrency: 2 });
    // Delays leave a loaded CI machine ample time to cancel before the job is due.
    await queue.add(name, { n: 1 }, { key: 'timer', delayMs: 400 });
    await expect(queue.cancel(name, 'timer')).resolves.toBe(true);
    await expect(queue.cancel(name, 'timer')).resolves.toBe(false);
    await expect(queue.cancel(name, 'unknown')).resolves.toBe(false);
    await expect(queue.add(name, { n: 2 }, { key: 'timer', delayMs: 450 })).resolves.toBe(true);

    await queue.add(name, { n: 3 }, { key: 'busy' });
    await started.promise;
    await expect(queue.cancel(name, 'busy')).resolves.toBe(false);
    release.resolve();
    await waitUntil(() => seen.includes(2));
    await sleep(50);
    expect(seen.sort()).toEqual([2, 3]);
  });

  it('close() waits for running jobs, then refuses new ones', async () => {
    const queue = open();
    const name = queueName();
    const started = deferred();
    let finished = false;
    queue.process(name, async () => {
      started.resolve();
      await sleep(150);
      finished = true;
    });
    await queue.add(name, { n: 1 });
    await started.promise;
    await queue.close();
    expect(finished).toBe(true);
    await expect(queue.add(name, { n: 2 })).rejects.toThrow('closed');
  });
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => { resolve = done; });
  return { promise, resolve };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls a test's own observations; the adapters themselves never poll. */
async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}

/** Fails fast (no retries) so a missing Redis fails the suite with a clear message. */
async function withRedis(use: (redis: IORedis) => Promise<void>): Promise<void> {
  const redis = new IORedis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2_000 });
  try {
    await redis.connect();
    await use(redis);
  } catch (error) {
    throw new Error(`the BullMQ tests need Redis at ${REDIS_URL} (set REDIS_URL): ${String(error)}`);
  } finally {
    redis.disconnect();
  }
}

async function deleteKeys(redis: IORedis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1_000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
