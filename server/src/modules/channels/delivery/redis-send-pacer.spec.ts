import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { TEST_REDIS_URL } from '../../../platform/queue/queue-test-support';
import { RedisSendPacer } from './redis-send-pacer';
import type { PaceRequest } from './send-pacer';

/** Two pacers on one prefix: two worker processes delivering for the same channels. */
describe('RedisSendPacer (Redis)', () => {
  const prefix = `fluxo-test-pace-${randomBytes(4).toString('hex')}`;
  const workers = [new RedisSendPacer(new Redis(TEST_REDIS_URL), prefix), new RedisSendPacer(new Redis(TEST_REDIS_URL), prefix)];
  afterAll(async () => {
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    await Promise.all(workers.map((worker) => worker.close()));
  });

  const channel = (key: string, perSecond: number, maxWaitMs = 0): PaceRequest => ({ channelKey: key, perSecond, chatGapMs: 0, maxWaitMs });

  it("shares a channel's rate between processes: a burst of the rate goes at once, the rest is told to wait", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => workers[i % 2]!.reserve(channel('channel:a', 4))));
    // Four go now (the burst) whichever process asks; the others must wait about a quarter second each.
    expect(answers.filter((wait) => wait === 0)).toHaveLength(4);
    for (const wait of answers.filter((w) => w > 0)) expect(wait).toBeGreaterThan(200);
  });

  it('books nothing when it refuses, and sleeps a short wait instead of answering it', async () => {
    for (let i = 0; i < 2; i += 1) expect(await workers[0]!.reserve(channel('channel:b', 2))).toBe(0);
    const refused = await workers[1]!.reserve(channel('channel:b', 2));
    expect(refused).toBeGreaterThan(400);
    // Within the caller's limit the pacer waits and books: the call returns 0, a wait later.
    const started = performance.now();
    expect(await workers[1]!.reserve(channel('channel:b', 2, 1_000))).toBe(0);
    expect(performance.now() - started).toBeGreaterThan(400);
    // The refusal booked nothing: the next slot is one interval after the one just taken, not two.
    const next = await workers[0]!.reserve(channel('channel:b', 2));
    expect(next).toBeGreaterThan(400);
    expect(next).toBeLessThanOrEqual(500);
  });

  it("spaces one chat's messages across processes, apart from the channel's rate", async () => {
    const chat = (maxWaitMs = 0): PaceRequest => ({ channelKey: 'channel:c', perSecond: 30, chatKey: 'chat:c:5511999990001', chatGapMs: 1_000, maxWaitMs });
    expect(await workers[0]!.reserve(chat())).toBe(0);
    const second = await workers[1]!.reserve(chat());
    expect(second).toBeGreaterThan(900);
    // Another chat of the same channel is not held back by the first chat's gap.
    expect(await workers[1]!.reserve({ ...chat(), chatKey: 'chat:c:5511999990002' })).toBe(0);
  });
});
