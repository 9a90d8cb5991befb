import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { TEST_REDIS_URL } from '../../../platform/queue/queue-test-support';
import { RedisSendPacer } from './redis-send-pacer';
import { LocalSendPacer } from './send-pacer';
import type { PaceRequest, SendPacer } from './send-pacer';

type Pacers = { workers: [SendPacer, SendPacer]; cleanUp(): Promise<void> };

/** Two pacers: two worker processes sharing one Redis prefix, or one process's pacer asked twice. */
const kinds: Array<[string, () => Pacers]> = [
  ['in memory (one process)', () => {
    const pacer = new LocalSendPacer();
    return { workers: [pacer, pacer], cleanUp: () => pacer.close() };
  }],
  ['on Redis (two processes)', () => {
    const prefix = `fluxo-test-pace-${randomBytes(4).toString('hex')}`;
    const workers: [SendPacer, SendPacer] = [new RedisSendPacer(new Redis(TEST_REDIS_URL), prefix), new RedisSendPacer(new Redis(TEST_REDIS_URL), prefix)];
    return {
      workers,
      cleanUp: async () => {
        const redis = new Redis(TEST_REDIS_URL);
        const keys = await redis.keys(`${prefix}:*`);
        if (keys.length) await redis.del(...keys);
        await redis.quit();
        await Promise.all(workers.map((worker) => worker.close()));
      },
    };
  }],
];

describe.each(kinds)('SendPacer %s', (_kind, create) => {
  const { workers, cleanUp } = create();
  afterAll(() => cleanUp());

  const send = (channelKey: string, perSecond: number, chat: string, maxWaitMs = 0): PaceRequest => ({ channelKey, perSecond, chatKey: `chat:${chat}`, chatGapMs: 0, maxWaitMs });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("shares a channel's rate between processes: a burst of the rate goes at once, the rest get slots in turn", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => workers[i % 2]!.reserve(send('channel:a', 4, `a${i}`))));
    // Four go now (the burst) whichever process asks; the others hold the next slots, a quarter second apart.
    expect(answers.filter((wait) => wait === 0)).toHaveLength(4);
    const waits = answers.filter((w) => w > 0).sort((x, y) => x - y);
    expect(waits).toHaveLength(4);
    waits.forEach((wait, i) => expect(Math.abs(wait - 250 * (i + 1))).toBeLessThan(60));
  });

  it('serves a chat told to wait at its slot when it comes back, before chats that asked after it', async () => {
    for (const chat of ['b1', 'b2']) expect(await workers[0]!.reserve(send('channel:b', 2, chat))).toBe(0);
    const third = await workers[1]!.reserve(send('channel:b', 2, 'b3'));
    const fourth = await workers[0]!.reserve(send('channel:b', 2, 'b4'));
    expect(third).toBeGreaterThan(400);
    expect(fourth).toBeGreaterThan(third + 400);
    // Asking again before its time, the third chat is told the rest of its wait (its slot stays its own).
    expect(Math.abs((await workers[0]!.reserve(send('channel:b', 2, 'b3'))) - third)).toBeLessThan(60);
    await sleep(third);
    // Back at its slot (from any process), it sends, within the caller's short wait.
    expect(await workers[0]!.reserve(send('channel:b', 2, 'b3', 50))).toBe(0);
    // A chat asking now lines up after the fourth, which asked before it.
    const late = await workers[1]!.reserve(send('channel:b', 2, 'b5'));
    expect(late).toBeGreaterThan(fourth - third + 400);
  });

  it('sleeps a wait within the caller\'s limit and sends', async () => {
    expect(await workers[1]!.reserve(send('channel:e', 2, 'e1'))).toBe(0);
    expect(await workers[1]!.reserve(send('channel:e', 2, 'e2'))).toBe(0);
    const waited = performance.now();
    expect(await workers[0]!.reserve(send('channel:e', 2, 'e3', 1_000))).toBe(0);
    expect(performance.now() - waited).toBeGreaterThan(400);
  });

  it('spaces the messages of one chat asked for at once, each after the gap', async () => {
    const started = performance.now();
    const request: PaceRequest = { channelKey: 'channel:f', perSecond: 30, chatKey: 'chat:f:1', chatGapMs: 60, maxWaitMs: 1_000 };
    const done = await Promise.all([0, 1, 2].map((i) => workers[i % 2]!.reserve(request).then(() => performance.now() - started)));
    done.sort((a, b) => a - b);
    expect(done[0]).toBeLessThan(40);
    expect(done[1]).toBeGreaterThanOrEqual(50);
    expect(done[2]).toBeGreaterThanOrEqual(110);
  });

  it("spaces one chat's messages across processes, apart from the channel's rate", async () => {
    const chat = (number: string): PaceRequest => ({ channelKey: 'channel:c', perSecond: 30, chatKey: `chat:c:${number}`, chatGapMs: 1_000, maxWaitMs: 0 });
    expect(await workers[0]!.reserve(chat('5511999990001'))).toBe(0);
    expect(await workers[1]!.reserve(chat('5511999990001'))).toBeGreaterThan(900);
    // Another chat of the same channel is not held back by the first chat's gap.
    expect(await workers[1]!.reserve(chat('5511999990002'))).toBe(0);
  });
});
