import { GroupCommit } from './group-commit';

/** A batch runner that records its batches and answers when told to. */
function recorder(fail: (item: number) => boolean = () => false) {
  const batches: number[][] = [];
  const gates: Array<() => void> = [];
  const run = async (items: number[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (items.some(fail)) throw new Error(`bad item in ${items.join(',')}`);
    return items.map((item) => item * 10);
  };
  const openAll = async () => {
    // Let the waiting batches start, then let every started one finish, until nothing is left.
    for (let round = 0; round < 20; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      gates.splice(0).forEach((open) => open());
    }
  };
  return { batches, run, openAll };
}

describe('GroupCommit', () => {
  it('runs an idle caller at once, alone, and gathers the callers that came meanwhile into the next batch, in order', async () => {
    const { batches, run, openAll } = recorder();
    const group = new GroupCommit(run, { maxItems: 10, maxRunning: 1 });
    const first = group.submit(1);
    expect(batches).toEqual([[1]]);
    const rest = [2, 3, 4].map((item) => group.submit(item));
    expect(batches).toEqual([[1]]);
    await openAll();
    await expect(Promise.all([first, ...rest])).resolves.toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps batches within maxItems and runs up to maxRunning at once', async () => {
    const { batches, run, openAll } = recorder();
    const group = new GroupCommit(run, { maxItems: 2, maxRunning: 2 });
    const all = [1, 2, 3, 4, 5, 6].map((item) => group.submit(item));
    expect(batches).toEqual([[1], [2]]);
    await openAll();
    await expect(Promise.all(all)).resolves.toEqual([10, 20, 30, 40, 50, 60]);
    expect(batches.slice(2)).toEqual([[3, 4], [5, 6]]);
  });

  it('runs a failed batch again one item at a time, so that only the bad item fails', async () => {
    const { batches, run, openAll } = recorder((item) => item === 3);
    const group = new GroupCommit(run, { maxItems: 10, maxRunning: 1 });
    const all = [1, 2, 3, 4].map((item) => group.submit(item));
    const settled = Promise.allSettled(all);
    await openAll();
    expect((await settled).map((each) => (each.status === 'fulfilled' ? each.value : (each.reason as Error).message)))
      .toEqual([10, 20, 'bad item in 3', 40]);
    expect(batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('fails the batch whose runner answers a result short', async () => {
    const group = new GroupCommit(async (items: number[]) => items.slice(1), { maxItems: 10, maxRunning: 1 });
    await expect(group.submit(1)).rejects.toThrow('a batch of 1 answered 0 results');
  });
});
