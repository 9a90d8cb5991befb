/**
 * Group commit: callers that arrive while earlier batches are still running go together in the
 * next one, so that under load many callers share one round trip and one commit, while an idle
 * caller goes at once and waits for nobody. A batch that fails is run again one item at a time,
 * so that one bad item fails alone.
 */
export class GroupCommit<I, O> {
  private waiting: Array<{ item: I; resolve: (value: O) => void; reject: (error: unknown) => void }> = [];
  private running = 0;

  /**
   * `runBatch` answers one result per item, in order. `maxItems` bounds a batch; `maxRunning`
   * batches run at once (each takes a connection).
   */
  constructor(
    private readonly runBatch: (items: I[]) => Promise<O[]>,
    private readonly limits: { maxItems: number; maxRunning: number },
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.limits.maxRunning && this.waiting.length) {
      const batch = this.waiting.splice(0, this.limits.maxItems);
      this.running += 1;
      void this.run(batch).finally(() => {
        this.running -= 1;
        this.next();
      });
    }
  }

  private async run(batch: GroupCommit<I, O>['waiting']): Promise<void> {
    let results: O[];
    try {
      results = await this.runBatch(batch.map((each) => each.item));
      if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${results.length} results`);
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const each of batch) await this.run([each]);
      return;
    }
    batch.forEach((each, index) => each.resolve(results[index]!));
  }
}
