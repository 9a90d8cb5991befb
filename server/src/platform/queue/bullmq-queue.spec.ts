import { randomUUID } from 'node:crypto';
import { BullMqJobQueue } from './bullmq-queue';
import { TEST_REDIS_URL, deleteKeys, waitUntil, withRedis } from './queue-test-support';

/** What only Redis can do: share work between processes. Needs a real Redis; fails (never skips) without one. */
describe('BullMqJobQueue across instances', () => {
  const prefix = `fluxo-test-${randomUUID()}`;
  const opened: BullMqJobQueue[] = [];
  const errors: Error[] = [];
  const open = (instancePrefix = prefix) => {
    const queue = new BullMqJobQueue({ redisUrl: TEST_REDIS_URL, prefix: instancePrefix, onError: (error) => errors.push(error) });
    opened.push(queue);
    return queue;
  };
  beforeAll(() => withRedis(async (redis) => void (await redis.ping())));

  afterAll(async () => {
    await Promise.all(opened.map((queue) => queue.close()));
    await withRedis(async (redis) => {
      await deleteKeys(redis, `${prefix}*`);
      await expect(redis.keys(`${prefix}*`)).resolves.toEqual([]);
    });
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

