/**
 * Work a job started and left running when it returned: a delivery to a slow provider goes on
 * while the job frees its worker for other conversations. The queue's close() waits for it after
 * the running jobs and before add() refuses, since it may still add follow-ups; drain() waits too.
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
