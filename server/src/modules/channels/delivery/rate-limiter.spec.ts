import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  it('lets a burst of the rate through at once, then spaces the rest by the refill rate', async () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    for (let i = 0; i < 3; i += 1) await limiter.take('channel', 3);
    // The fourth must wait a third of a second: with the clock frozen it would wait forever,
    // so advance it from the timer the limiter sleeps on.
    const fourth = limiter.take('channel', 3).then(() => now);
    now = 400;
    await expect(fourth).resolves.toBe(400);
  });

  it('keeps keys apart', async () => {
    const limiter = new RateLimiter(() => 0);
    await limiter.take('a', 1);
    const started = Date.now();
    await limiter.take('b', 1);
    expect(Date.now() - started).toBeLessThan(50);
  });

  it('answers the wait instead of sleeping past the caller\'s limit, taking nothing', async () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    expect(await limiter.takeWithin('channel', 2, 50)).toBe(0);
    expect(await limiter.takeWithin('channel', 2, 50)).toBe(0);
    expect(await limiter.takeWithin('channel', 2, 50)).toBe(500);
    now = 500;
    expect(await limiter.takeWithin('channel', 2, 50)).toBe(0);
    expect(await limiter.spacedWithin('chat', 1_000, 50)).toBe(0);
    expect(await limiter.spacedWithin('chat', 1_000, 50)).toBe(1_000);
    // Nothing was booked by the refusal: the next slot is still one gap after the first.
    now = 1_500;
    expect(await limiter.spacedWithin('chat', 1_000, 50)).toBe(0);
  });

  it('books one slot per gap on a key, so sends to one chat are spaced even when asked at once', async () => {
    const limiter = new RateLimiter();
    const started = performance.now();
    const done: number[] = [];
    await Promise.all([0, 1, 2].map(() => limiter.spaced('chat', 60).then(() => done.push(performance.now() - started))));
    done.sort((a, b) => a - b);
    expect(done[0]).toBeLessThan(30);
    expect(done[1]).toBeGreaterThanOrEqual(55);
    expect(done[2]).toBeGreaterThanOrEqual(115);
  });
});
