import { resolvePorts, resumeNode, runNode } from '@fluxo/node-sdk';
import type { JsonObject } from '@fluxo/node-sdk';
import { delay } from './delay.node';

const NOW = '2026-05-13T12:00:00.000Z';

describe('fluxo.delay', () => {
  it('declares the out port', () => {
    expect(resolvePorts(delay, delay.config.parse({ amount: 1 })).map((p) => p.id)).toEqual(['out']);
  });

  it.each([
    [30, 'seconds', 30_000],
    [5, 'minutes', 300_000],
    [1.5, 'hours', 5_400_000],
    [2, 'days', 172_800_000],
    [30, 'days', 2_592_000_000],
    [720, 'hours', 2_592_000_000],
  ])('waits %d %s as a timer of %d ms, remembering when it is due', async (amount, unit, ms) => {
    const run = await runNode(delay, { config: { amount, unit } as never, now: NOW });
    expect(run.wait).toEqual({ kind: 'wait', for: 'timer', delayMs: ms, state: { dueAt: new Date(Date.parse(NOW) + ms).toISOString() } });
  });

  it('counts in minutes by default', async () => {
    const run = await runNode(delay, { config: { amount: 2 }, now: NOW });
    expect(run.wait).toMatchObject({ delayMs: 120_000, state: { dueAt: '2026-05-13T12:02:00.000Z' } });
  });

  it.each<[string, unknown]>([
    ['no amount', {}],
    ['a zero amount', { amount: 0 }],
    ['a negative amount', { amount: -5 }],
    ['more than 30 days', { amount: 31, unit: 'days' }],
    ['more than 30 days in hours', { amount: 721, unit: 'hours' }],
    ['an unknown unit', { amount: 1, unit: 'weeks' }],
  ])('refuses a config with %s', async (_name, config) => {
    expect((await runNode(delay, { config: config as never })).error?.kind).toBe('config');
  });

  it('goes on when the timer fires', async () => {
    const run = await resumeNode(delay, { config: { amount: 5 }, event: 'timer', waitState: { dueAt: '2026-05-13T12:05:00.000Z' }, now: '2026-05-13T12:05:00.000Z' });
    expect(run.port).toBe('out');
  });

  it('keeps waiting only for the time left when a message arrives early', async () => {
    const run = await resumeNode(delay, {
      config: { amount: 5 },
      event: 'oi, ainda está aí?',
      waitState: { dueAt: '2026-05-13T12:05:00.000Z' },
      now: '2026-05-13T12:03:30.000Z',
    });
    expect(run.wait).toEqual({ kind: 'wait', for: 'timer', delayMs: 90_000, state: { dueAt: '2026-05-13T12:05:00.000Z' } });
  });

  it('keeps waiting after any other early event', async () => {
    const run = await resumeNode(delay, {
      config: { amount: 1, unit: 'hours' },
      event: { type: 'event', name: 'handoff.resolved' },
      waitState: { dueAt: '2026-05-13T13:00:00.000Z' },
      now: '2026-05-13T12:59:59.000Z',
    });
    expect(run.wait).toMatchObject({ for: 'timer', delayMs: 1_000 });
  });

  it.each(['2026-05-13T12:05:00.000Z', '2026-05-13T12:06:00.000Z'])('goes on when a message arrives once it is due (%s)', async (now) => {
    const run = await resumeNode(delay, { config: { amount: 5 }, event: 'oi', waitState: { dueAt: '2026-05-13T12:05:00.000Z' }, now });
    expect(run.port).toBe('out');
    expect(run.wait).toBeUndefined();
  });

  it.each<[JsonObject | undefined]>([[undefined], [{}], [{ dueAt: 'soon' }]])('reports a lost due time as an internal error (%j)', async (waitState) => {
    const run = await resumeNode(delay, { config: { amount: 5 }, event: 'oi', ...(waitState ? { waitState } : {}) });
    expect(run.error?.kind).toBe('internal');
    expect(run.error?.code).toBe('DELAY_STATE');
  });
});
