import { CLOCK_SLACK_MS, QueueHarness, deferred, queueAdapters, sleep, waitUntil } from './queue-test-support';

/**
 * JobQueue contract, part 2: failures, retries and concurrency.
 * One contract, both adapters; BullMQ against a real Redis: if it is unreachable these tests FAIL
 * (never skip), so CI cannot go green without exercising the adapter production uses.
 */
describe.each(queueAdapters())('JobQueue failure contract: $name', (adapter) => {
  const harness = new QueueHarness(adapter, 'failures');
  const open = harness.open.bind(harness);
  const queueName = harness.queueName.bind(harness);

  beforeAll(() => adapter.setUp());
  afterAll(() => adapter.tearDown());
  afterEach(async () => expect(await harness.closeAll()).toEqual([]));

  it('retries with exponential back-off, then reports the job to onFailed once', async () => {
    const failures: unknown[] = [];
    const reported = deferred();
    const queue = open({ onFailed: (...args) => { failures.push(args); reported.resolve(); } });
    const name = queueName();
    const runs: Array<{ attempt: number; attempts: number; at: number }> = [];
    queue.process(name, async (_data, { attempt, attempts, queue: queueOfJob }) => {
      expect(queueOfJob).toBe(name);
      runs.push({ attempt, attempts, at: Date.now() });
      throw new Error(`boom ${attempt}`);
    });
    await queue.add(name, { n: 1 }, { attempts: 3, backoffMs: 50, key: 'r' });
    await reported.promise;
    await queue.drain?.();

    expect(runs.map(({ attempt, attempts }) => [attempt, attempts])).toEqual([[1, 3], [2, 3], [3, 3]]);
    expect(runs[1]!.at - runs[0]!.at).toBeGreaterThanOrEqual(50 - CLOCK_SLACK_MS);
    expect(runs[2]!.at - runs[1]!.at).toBeGreaterThanOrEqual(100 - CLOCK_SLACK_MS);
    expect(failures).toEqual([[name, { n: 1 }, expect.objectContaining({ message: 'boom 3' }), 3, 'r']]);
  });

  it('does not report a job that succeeds on a retry; drain waits for the retry', async () => {
    const onFailed = jest.fn();
    const queue = open({ onFailed });
    const name = queueName();
    const attempts: number[] = [];
    queue.process(name, async (_data, { attempt }) => {
      attempts.push(attempt);
      if (attempt === 1) throw new Error('transient');
    });
    await queue.add(name, { n: 1 }, { backoffMs: 30 });
    await waitUntil(() => attempts.length === 1);
    await queue.drain?.();
    expect(attempts).toEqual([1, 2]);
    expect(onFailed).not.toHaveBeenCalled();
  });

  it('reports an exhausted job through onError when there is no onFailed', async () => {
    const seen: Error[] = [];
    const queue = open({ onError: (error) => seen.push(error) });
    const name = queueName();
    queue.process(name, async () => { throw new Error('always'); });
    await queue.add(name, { n: 1 }, { attempts: 1 });
    await waitUntil(() => seen.length === 1);
    expect(seen[0]!.message).toBe('always');
  });

  it('reports an onFailed hook that throws through onError, and keeps going', async () => {
    const seen: Error[] = [];
    const queue = open({ onFailed: () => { throw new Error('hook broke'); }, onError: (error) => seen.push(error) });
    const name = queueName();
    let runs = 0;
    queue.process<{ fail: boolean }>(name, async ({ fail }) => {
      runs += 1;
      if (fail) throw new Error('job broke');
    });
    await queue.add(name, { fail: true }, { attempts: 1 });
    await queue.add(name, { fail: false });
    await waitUntil(() => seen.length === 1 && runs === 2);
    expect(seen[0]!.message).toBe('hook broke');
  });

  it('never runs more than `concurrency` jobs of a queue at once', async () => {
    const queue = open();
    const name = queueName();
    for (let n = 0; n < 6; n += 1) await queue.add(name, { n });
    let active = 0;
    let maxActive = 0;
    let done = 0;
    queue.process(name, async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      // Long enough for a loaded machine to start a second job meanwhile.
      await sleep(100);
      active -= 1;
      done += 1;
    }, { concurrency: 2 });
    await waitUntil(() => done === 6);
    expect(maxActive).toBe(2);
  });
});
