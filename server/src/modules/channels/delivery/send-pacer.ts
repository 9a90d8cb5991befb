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
 * Paces the sends of a channel. `reserve` waits for the send's slot when it comes within
 * `maxWaitMs` (answers 0), or answers how long until it, so the delivery can come back then
 * instead of holding its worker.
 *
 * The same rules in both pacers (`send-pacer.contract.spec.ts`): the channel's rate is a GCRA (a
 * theoretical arrival time advancing 1000/perSecond ms per send, a burst of perSecond); the chat's
 * gap is the time its next message may go. A send whose channel slot is further off than the
 * caller waits keeps that slot as its chat's reservation and takes it when it comes back, so
 * waiting chats are served in the order they asked. Without it, every chat told "wait" comes back
 * at once and luck picks who sends: a long tail. A chat that may not speak yet books nothing.
 */
export interface SendPacer {
  reserve(request: PaceRequest): Promise<number>;
  close(): Promise<void>;
}

/** A reservation nobody came back for (a crashed delivery) is given up this long after its time. */
export const RESERVATION_GRACE_MS = 60_000;
const PRUNE_ABOVE = 50_000;

/** The embedded default's pacer: one process sends everything, so its clock and memory are the truth. */
export class LocalSendPacer implements SendPacer {
  private readonly arrivals = new Map<string, number>();
  private readonly chatFree = new Map<string, number>();
  private readonly reservations = new Map<string, number>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  async reserve({ channelKey, perSecond, chatKey, chatGapMs, maxWaitMs }: PaceRequest): Promise<number> {
    const now = this.now();
    const reserved = this.reservations.get(chatKey);
    if (reserved !== undefined && reserved + RESERVATION_GRACE_MS > now) {
      if (reserved - now > maxWaitMs) return Math.ceil(reserved - now);
      this.reservations.delete(chatKey);
      return this.after(reserved - now);
    }
    this.reservations.delete(chatKey);
    const chatAt = chatGapMs > 0 ? Math.max(now, this.chatFree.get(chatKey) ?? 0) : now;
    if (chatAt - now > maxWaitMs) return Math.ceil(chatAt - now);
    const interval = 1000 / perSecond;
    const tolerance = interval * (perSecond - 1);
    const arrival = Math.max(now, this.arrivals.get(channelKey) ?? 0);
    const sendAt = Math.max(now, arrival - tolerance, chatAt);
    this.arrivals.set(channelKey, Math.max(arrival, sendAt) + interval);
    if (chatGapMs > 0) this.chatFree.set(chatKey, sendAt + chatGapMs);
    this.prune(now);
    if (sendAt - now > maxWaitMs) {
      this.reservations.set(chatKey, sendAt);
      return Math.ceil(sendAt - now);
    }
    return this.after(sendAt - now);
  }

  async close(): Promise<void> {}

  private async after(waitMs: number): Promise<number> {
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    return 0;
  }

  /** Keys whose times have passed say nothing any more (Redis expires them; here they are swept). */
  private prune(now: number): void {
    if (this.chatFree.size + this.arrivals.size + this.reservations.size < PRUNE_ABOVE) return;
    for (const times of [this.arrivals, this.chatFree]) for (const [key, at] of times) if (at < now) times.delete(key);
    for (const [key, at] of this.reservations) if (at + RESERVATION_GRACE_MS < now) this.reservations.delete(key);
  }
}
