import type { Clock } from '../ports';

/** The machine's clock; the only place in node-library that reads real time. */
export const systemClock: Clock = {
  // eslint-disable-next-line no-restricted-properties -- this adapter is the clock port
  now: () => Date.now(),
  monotonic: () => (globalThis as unknown as { performance: { now(): number } }).performance.now(),
};

/** A clock that moves only when told to, for tests and simulations. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string | number = '2026-05-13T12:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(time: Date | string | number): void {
    this.current = new Date(time).getTime();
  }
}
