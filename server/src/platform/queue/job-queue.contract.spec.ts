import { CLOCK_SLACK_MS, QueueHarness, deferred, queueAdapters, sleep, waitUntil } from './queue-test-support';

/**
 * JobQueue contract, part 1: keys, delays, cancel, close.
 * One contract, both adapters; BullMQ against a real Redis: if it is unreachable these tests FAIL
 * (never skip), so CI cannot go green without exercising the adapter production uses.
 */
describe.each(queueAdapters())('JobQueue contract: $name', (adapter) => {
  const harness = new QueueHarness(adapter, 'keys');
  const open = harness.open.bind(harness);
  const queueName = harness.queueName.bind(harness);

  beforeAll(() => adapter.setUp());
  afterAll(() => adapter.tearDown());
  afterEach(async () => expect(await harness.closeAll()).toEqual([]));

  it('de-duplicates by key while the job waits or is delayed; unkeyed adds are never de-duplicated', async () => {
    const queue = open();
    const name = queueName();
    await expect(queue.add(name, { n: 1 }, { key: 'k' })).resolves.toBe(true);
    await expect(queue.add(name, { n: 2 }, { key: 'k' })).resolves.toBe(false);
    await expect(queue.add(name, { n: 3 }, { key: 'other' })).resolves.toBe(true);
    await expect(queue.add(name, { n: 4 })).resolves.toBe(true);
    await expect(queue.add(name, { n: 4 })).resolves.toBe(true);
    await expect(queue.add(name, { n: 5 }, { key: 'later', delayMs: 100 })).resolves.toBe(true);
    await expect(queue.add(name, { n: 6 }, { key: 'later' })).resolves.toBe(false);

    const seen: number[] = [];
    queue.process<{ n: number }>(name, async ({ n }) => void seen.push(n));
    await waitUntil(() => seen.length === 5);
    await queue.drain?.();
    expect(seen.sort()).toEqual([1, 3, 4, 4, 5]);
  });

  it('accepts the key again once the job has started, and passes it in meta', async () => {
    const queue = open();
    const name = queueName();
    const started = deferred();
    const release = deferred();
    const calls: Array<{ n: number; key?: string; attempt: number }> = [];
    queue.process<{ n: number }>(name, async ({ n }, meta) => {
      calls.push({ n, key: meta.key, attempt: meta.attempt });
      if (n === 1) {
        started.resolve();
        await release.promise;
      }
    });
    await queue.add(name, { n: 1 }, { key: 'k' });
    await started.promise;
    await expect(queue.add(name, { n: 2 }, { key: 'k' })).resolves.toBe(true);
    // Concurrency 1: job 2 is waiting now, so the key de-duplicates again.
    await expect(queue.add(name, { n: 3 }, { key: 'k' })).resolves.toBe(false);
    release.resolve();
    await waitUntil(() => calls.length === 2);
    await queue.drain?.();
    expect(calls).toEqual([{ n: 1, key: 'k', attempt: 1 }, { n: 2, key: 'k', attempt: 1 }]);
  });

  it('runs a delayed job no earlier than its delay, after jobs due sooner', async () => {
    const queue = open();
    const name = queueName();
    const runs: Array<{ n: number; at: number }> = [];
    queue.process<{ n: number }>(name, async ({ n }) => void runs.push({ n, at: Date.now() }));
    const before = Date.now();
    await queue.add(name, { n: 1 }, { delayMs: 300 });
    await queue.add(name, { n: 2 });
    await waitUntil(() => runs.length === 2);
    expect(runs.map((run) => run.n)).toEqual([2, 1]);
    expect(runs[1]!.at - before).toBeGreaterThanOrEqual(300 - CLOCK_SLACK_MS);
  });

  it('cancels a delayed job by key, but not a running one', async () => {
    const queue = open();
    const name = queueName();
    const seen: number[] = [];
    const started = deferred();
    const release = deferred();
    queue.process<{ n: number }>(name, async ({ n }) => {
      seen.push(n);
      if (n === 3) {
        started.resolve();
        await release.promise;
      }
    }, { concurrency: 2 });
    // Delays leave a loaded CI machine ample time to cancel before the job is due.
    await queue.add(name, { n: 1 }, { key: 'timer', delayMs: 400 });
    await expect(queue.cancel(name, 'timer')).resolves.toBe(true);
    await expect(queue.cancel(name, 'timer')).resolves.toBe(false);
    await expect(queue.cancel(name, 'unknown')).resolves.toBe(false);
    await expect(queue.add(name, { n: 2 }, { key: 'timer', delayMs: 450 })).resolves.toBe(true);

    await queue.add(name, { n: 3 }, { key: 'busy' });
    await started.promise;
    await expect(queue.cancel(name, 'busy')).resolves.toBe(false);
    release.resolve();
    // Job 1 was due before job 2: had it survived, it would have run by now.
    await waitUntil(() => seen.includes(2));
    expect(seen.sort()).toEqual([2, 3]);
  });

  it('close() waits for running jobs, which may still add follow-ups, then refuses new ones', async () => {
    const queue = open();
    const name = queueName();
    const started = deferred();
    let finished = false;
    queue.process(name, async () => {
      started.resolve();
      await sleep(150);
      await expect(queue.add(`${name}-outbox`, { followUp: true })).resolves.toBe(true);
      finished = true;
    });
    await queue.add(name, { n: 1 });
    await started.promise;
    await queue.close();
    expect(finished).toBe(true);
    await expect(queue.add(name, { n: 2 })).rejects.toThrow('closed');
  });

  it('close() and drain() wait for work a job left running, which may still add follow-ups', async () => {
    const queue = open();
    const name = queueName();
    const events: string[] = [];
    queue.process(name, async () => {
      queue.background((async () => {
        await sleep(150);
        await queue.add(`${name}-outbox`, { followUp: true });
        events.push('background done');
      })());
      events.push('job returned');
    });
    await queue.add(name, { n: 1 });
    await queue.drain!();
    expect(events).toEqual(['job returned', 'background done']);
    await queue.add(name, { n: 2 });
    await waitUntil(() => events.length === 3);
    await queue.close();
    expect(events).toEqual(['job returned', 'background done', 'job returned', 'background done']);
  });
});
