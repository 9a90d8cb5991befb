import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { BullMqJobQueue } from './bullmq-queue';

/** What only Redis can do: share work between processes. Needs a real Redis; fails (never skips) without one. */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('BullMqJobQueue across instances', () => {
  const prefix = `fluxo-test-${randomUUID()}`;
  const opened: BullMqJobQueue[] = [];
  const errors: Error[] = [];
  const open = (instancePrefix = prefix) => {
    const queue = new BullMqJobQueue({ redisUrl: REDIS_URL, prefix: instancePrefix, onError: (error) => errors.push(error) });
    opened.push(queue);
    return queue;
  };
  let redis: IORedis;

  beforeAll(async () => {
    redis = new IORedis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2_000 });
    await redis.connect().catch((error: unknown) => {
      throw new Error(`the BullMQ tests need Redis at ${REDIS_URL} (set REDIS_URL): ${String(error)}`);
    });
  });

  afterAll(async () => {
    await Promise.all(opened.map((queue) => queue.close()));
    for (const pattern of [`${prefix}:*`, `${prefix}-other:*`]) {
      const keys = await redis.keys(pattern);
      if (keys.length > 0) await redis.del(...keys);
    }
    await expect(redis.keys(`${prefix}*`)).resolves.toEqual([]);
    redis.disconnect();
    expect(errors).toEqual([]);
  });

  it('processes in one instance (the worker) what another instance (the api) added', async () => {
    const api = open();
    const worker = open();
    // The key is shared through Redis: the worker instance sees the api's waiting job.
    await expect(api.add('turns', { conversationId: 'c1' }, { key: 'c1' })).resolves.toBe(true);
    await expect(worker.add('turns', { conversationId: 'c1' }, { key: 'c1' })).resolves.toBe(false);

    const received: Array<{ data: unknown; key?: string }> = [];
    worker.process('turns', async (data, { key }) => void received.push({ data, key }));
    await waitUntil(() => received.length === 1);
    await worker.drain();
    expect(received).toEqual([{ data: { conversationId: 'c1' }, key: 'c1' }]);
  });

  it('cancels from one instance a timer another instance scheduled', async () => {
    const api = open();
    const worker = open();
    await api.add('timers', { timer: 1 }, { key: 'timer-1', delayMs: 60_000 });
    await expect(worker.cancel('timers', 'timer-1')).resolves.toBe(true);
    await expect(api.cancel('timers', 'timer-1')).resolves.toBe(false);
    // The key is free again: the timer can be rescheduled.
    await expect(api.add('timers', { timer: 1 }, { key: 'timer-1', delayMs: 60_000 })).resolves.toBe(true);
    await expect(api.cancel('timers', 'timer-1')).resolves.toBe(true);
  });

  it('keeps prefixes apart', async () => {
    const mine = open();
    const other = open(`${prefix}-other`);
    const seenByOther: unknown[] = [];
    other.process('isolated', async (data) => void seenByOther.push(data));
    const seenByMine: unknown[] = [];
    mine.process('isolated', async (data) => void seenByMine.push(data));
    await mine.add('isolated', { n: 1 });
    await waitUntil(() => seenByMine.length === 1);
    await other.drain();
    expect(seenByOther).toEqual([]);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
