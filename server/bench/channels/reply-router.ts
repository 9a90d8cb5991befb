import type { GraphSend } from './graph-fake';

/** A reply that has not reached the fake after this long counts as lost (and the customer goes on). */
const REPLY_TIMEOUT_MS = 15_000;

/** Replies as the fake receives them, handed to the customer waiting for one (by business number and wa_id). */
export class ReplyRouter {
  private readonly waiting = new Map<string, { resolve: (send: GraphSend | undefined) => void; timer: NodeJS.Timeout }>();
  unexpected = 0;

  onSend = (send: GraphSend): void => {
    const key = `${send.phoneNumberId}:${send.to}`;
    const waiter = this.waiting.get(key);
    if (!waiter) {
      this.unexpected += 1;
      return;
    }
    this.waiting.delete(key);
    clearTimeout(waiter.timer);
    waiter.resolve(send);
  };

  /** Resolves with the next reply to `to` from `phoneNumberId`, or undefined after the timeout. */
  next(phoneNumberId: string, to: string): Promise<GraphSend | undefined> {
    const key = `${phoneNumberId}:${to}`;
    return new Promise((resolve) => {
      const waiter = {
        resolve,
        timer: setTimeout(() => {
          if (this.waiting.get(key) === waiter) this.waiting.delete(key);
          resolve(undefined);
        }, REPLY_TIMEOUT_MS),
      };
      this.waiting.set(key, waiter);
    });
  }

  /** Stops waiting for a reply to `to` (its webhook was refused). */
  cancel(phoneNumberId: string, to: string): void {
    const key = `${phoneNumberId}:${to}`;
    const waiter = this.waiting.get(key);
    if (!waiter) return;
    this.waiting.delete(key);
    clearTimeout(waiter.timer);
    waiter.resolve(undefined);
  }
}
