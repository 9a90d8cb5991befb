/**
 * Spacing of sends in this process: a token bucket per key (a channel's overall rate) and a
 * minimum gap per key (one chat). Every worker process keeps its own, so N workers may send N
 * times the rate; the providers' 429 with retry-after, honoured by the delivery, covers the rest.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; refilledAt: number }>();
  private readonly nextFree = new Map<string, number>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Waits until `key` has a token; `perSecond` tokens refill each second, with a burst of the same size. */
  async take(key: string, perSecond: number): Promise<void> {
    await this.takeWithin(key, perSecond, Number.POSITIVE_INFINITY);
  }

  /**
   * Takes a token if one is free within `maxWaitMs` (waiting for it) and answers 0; otherwise
   * takes nothing and answers how long until one is, so the caller can come back then instead
   * of holding its worker.
   */
  async takeWithin(key: string, perSecond: number, maxWaitMs: number): Promise<number> {
    for (;;) {
      const waitMs = this.tryTake(key, perSecond);
      if (waitMs === 0) return 0;
      if (waitMs > maxWaitMs) return waitMs;
      await sleep(waitMs);
    }
  }

  /** Waits until at least `gapMs` passed since the previous send on `key`, and books the next slot. */
  async spaced(key: string, gapMs: number): Promise<void> {
    await this.spacedWithin(key, gapMs, Number.POSITIVE_INFINITY);
  }

  /** As `spaced` when the slot comes within `maxWaitMs` (answers 0); otherwise books nothing and answers the wait. */
  async spacedWithin(key: string, gapMs: number, maxWaitMs: number): Promise<number> {
    const now = this.now();
    const at = Math.max(now, this.nextFree.get(key) ?? 0);
    if (at - now > maxWaitMs) return at - now;
    this.nextFree.set(key, at + gapMs);
    if (this.nextFree.size > 50_000) this.forgetOldSlots(now);
    if (at > now) await sleep(at - now);
    return 0;
  }

  private tryTake(key: string, perSecond: number): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: perSecond, refilledAt: now };
    bucket.tokens = Math.min(perSecond, bucket.tokens + ((now - bucket.refilledAt) / 1000) * perSecond);
    bucket.refilledAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) / perSecond) * 1000);
  }

  private forgetOldSlots(now: number): void {
    for (const [key, at] of this.nextFree) if (at < now) this.nextFree.delete(key);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
