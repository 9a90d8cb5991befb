import { InProcessJobQueue } from './in-process-queue';
import type { QueueClock } from './queue-clock';

/** What is specific to the embedded adapter; the shared behaviour is in job-queue.contract.spec.ts. */
describe('InProcessJobQueue', () => {
  let queue: InProcessJobQueue;
  afterEach(() => queue.close());

  it('hands the handler a JSON copy, as Redis would', async () => {
    queue = new InProcessJobQueue();
    const original = { at: new Date('2030-01-01T00:00:00Z'), nested: { n: 1 } };
    let received: unknown;
    queue.process('q', async (data) => { received = data; });
    await queue.add('q', original);
    original.nested.n = 2;
    await queue.drain();
    expect(received).toEqual({ at: '2030-01-01T00:00:00.000Z', nested: { n: 1 } });
  });

  it('never runs a handler inside add() itself', async () => {
    queue = new InProcessJobQueue();
    let ran = false;
    queue.process('q', async () => { ran = true; });
    const added = queue.add('q', {});
    expect(ran).toBe(false);
    await added;
    await queue.drain();
    expect(ran).toBe(true);
  });

  it('refuses a second handler for the same queue and bad options', async () => {
    queue = new InProcessJobQueue();
    queue.process('q', async () => undefined);
    expect(() => queue.process('q', async () => undefined)).toThrow('already has a handler');
    expect(() => queue.process('r', async () => undefined, { concurrency: 0 })).toThrow(RangeError);
    await expect(queue.add('q', {}, { attempts: 0 })).rejects.toThrow(RangeError);
    await expect(queue.add('q', {}, { key: '' })).rejects.toThrow(RangeError);
  });

  it('drain() does not wait for jobs due later, nor for queues without a handler', async () => {
    queue = new InProcessJobQueue();
    const ran: string[] = [];
    queue.process<{ id: string }>('q', async ({ id }) => void ran.push(id));
    await queue.add('q', { id: 'now' });
    await queue.add('q', { id: 'in an hour' }, { delayMs: 3_600_000 });
    await queue.add('unprocessed', { id: 'never' });
    await queue.drain();
    expect(ran).toEqual(['now']);
  });

  it('backs off exponentially, capped at 60 s, on the injected clock', async () => {
    const clock = new ManualClock();
    const onFailed = jest.fn();
    queue = new InProcessJobQueue({ clock, onFailed });
    const attemptsAt: number[] = [];
    queue.process('q', async () => {
      attemptsAt.push(clock.now());
      throw new Error('down');
    });
    await queue.add('q', { n: 1 }, { attempts: 4, backoffMs: 20_000 });
    for (let step = 0; step < 10 && onFailed.mock.calls.length === 0; step += 1) {
      await flush();
      clock.advanceToNextTimer();
    }
    // 20 s, 40 s, then 80 s capped to 60 s.
    expect(attemptsAt).toEqual([0, 20_000, 60_000, 120_000]);
    expect(onFailed).toHaveBeenCalledWith('q', { n: 1 }, expect.objectContaining({ message: 'down' }), 4, undefined);
  });

  it('re-arms a timer that fires early instead of running the job before its time', async () => {
    const clock = new ManualClock();
    queue = new InProcessJobQueue({ clock });
    const ranAt: number[] = [];
    queue.process('q', async () => void ranAt.push(clock.now()));
    await queue.add('q', {}, { delayMs: 100 });
    clock.fireNextTimerAt(99);
    await flush();
    expect(ranAt).toEqual([]);
    clock.advanceToNextTimer();
    await flush();
    expect(ranAt).toEqual([100]);
  });
});

/** A clock the test moves by hand; timers fire only when told to. */
class ManualClock implements QueueClock {
  private time = 0;
  private timers: Array<{ at: number; callback: () => void }> = [];
  now(): number { return this.time; }
  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { at: this.time + ms, callback };
    this.timers.push(timer);
    return timer;
  }
  clearTimeout(handle: unknown): void { this.timers = this.timers.filter((timer) => timer !== handle); }
  advanceToNextTimer(): void {
    const next = [...this.timers].sort((a, b) => a.at - b.at)[0];
    if (next) this.fireNextTimerAt(next.at);
  }
  /** Fires the earliest timer with the clock set to `time`, which may be before the timer was due. */
  fireNextTimerAt(time: number): void {
    const next = [...this.timers].sort((a, b) => a.at - b.at)[0];
    if (!next) return;
    this.timers = this.timers.filter((timer) => timer !== next);
    this.time = time;
    next.callback();
  }
}

/** Lets the queue's microtasks and the handlers' awaits run. */
function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
