import { RateLimiter } from './rate-limiter';

/** One send's place in its channel's pace: the channel's overall rate, and the gap between two messages to one chat. */
export type PaceRequest = {
  channelKey: string;
  perSecond: number;
  /** The chat: spaced by `chatGapMs` (0: not spaced), and the holder of a slot it was told to wait for. */
  chatKey: string;
  chatGapMs: number;
  /** The longest the caller will wait inside its job; a longer wait is answered instead of slept. */
  maxWaitMs: number;
};

/**
 * Paces the sends of a channel. `reserve` books a slot and waits for it when it comes within
 * `maxWaitMs` (answers 0), or books nothing and answers how long until one is free, so the
 * delivery can come back then instead of holding its worker.
 */
export interface SendPacer {
  reserve(request: PaceRequest): Promise<number>;
  close(): Promise<void>;
}

/** The embedded default's pacer: one process sends everything, so its own clock and memory are the truth. */
export class LocalSendPacer implements SendPacer {
  constructor(private readonly limiter = new RateLimiter()) {}

  async reserve({ channelKey, perSecond, chatKey, chatGapMs, maxWaitMs }: PaceRequest): Promise<number> {
    // The chat's slot first: a channel token taken for a chat that must wait would be lost.
    if (chatGapMs) {
      const chatWait = await this.limiter.spacedWithin(chatKey, chatGapMs, maxWaitMs);
      if (chatWait > 0) return chatWait;
    }
    return this.limiter.takeWithin(channelKey, perSecond, maxWaitMs);
  }

  async close(): Promise<void> {}
}
