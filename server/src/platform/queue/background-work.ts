/**
 * Work left running that may still add jobs: a delivery to a slow provider goes on while its job
 * frees its worker; a webhook's turn request goes on after the webhook answered. The queue's
 * close() waits for it after the running jobs and before add() refuses; drain() waits too.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  /** `onSettled`: each piece of work done (the in-process queue re-checks its drain waiters). */
  constructor(private readonly onSettled: () => void = () => undefined) {}

  /** Its failure is the caller's to handle: here it only ends the wait. */
  add(work: Promise<unknown>): void {
    const tracked: Promise<void> = work.then(() => undefined, () => undefined).then(() => {
      this.running.delete(tracked);
      this.onSettled();
    });
    this.running.add(tracked);
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves once nothing runs, work added meanwhile included. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }
}
