import { resolvePorts, runNode } from '@fluxo/node-sdk';
import { pickWeighted, randomSplit } from './random-split.node';

const ab = { branches: [{ id: 'a', label: 'A', weight: 1 }, { id: 'b', label: 'B', weight: 3 }] };

describe('fluxo.randomSplit', () => {
  it('derives one port per branch', () => {
    expect(resolvePorts(randomSplit, randomSplit.config.parse(ab))).toEqual([{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }]);
  });

  it.each([
    [0, 'a'],
    [0.2499, 'a'],
    [0.25, 'b'],
    [0.9999, 'b'],
  ])('weights 1:3 with random %d → %s', async (random, port) => {
    const run = await runNode(randomSplit, { config: ab, random: [random] });
    expect(run.port).toBe(port);
    expect(run.outputs).toEqual({ branch: port });
  });

  it.each([
    [0, 'x'],
    [0.3333, 'x'],
    [0.3334, 'y'],
    [0.6666, 'y'],
    [0.6667, 'z'],
    [0.99999, 'z'],
  ])('equal weights with random %d → %s', async (random, port) => {
    const config = { branches: ['x', 'y', 'z'].map((id) => ({ id, label: id.toUpperCase() })) };
    expect((await runNode(randomSplit, { config, random: [random] })).port).toBe(port);
  });

  it('gives the last branch the sliver a floating-point sum leaves', () => {
    const branches = [{ weight: 0.1 }, { weight: 0.2 }];
    expect(pickWeighted(branches, 1 - Number.EPSILON)).toBe(branches[1]);
  });

  it.each<[string, unknown]>([
    ['one branch', { branches: [{ id: 'a', label: 'A', weight: 1 }] }],
    ['eleven branches', { branches: Array.from({ length: 11 }, (_, i) => ({ id: `b${i}`, label: `B${i}`, weight: 1 })) }],
    ['a zero weight', { branches: [{ id: 'a', label: 'A', weight: 0 }, { id: 'b', label: 'B', weight: 1 }] }],
    ['a negative weight', { branches: [{ id: 'a', label: 'A', weight: -1 }, { id: 'b', label: 'B', weight: 1 }] }],
    ['a repeated id', { branches: [{ id: 'a', label: 'A', weight: 1 }, { id: 'a', label: 'B', weight: 1 }] }],
    ['the error port as an id', { branches: [{ id: 'error', label: 'A', weight: 1 }, { id: 'b', label: 'B', weight: 1 }] }],
  ])('refuses a config with %s', async (_name, config) => {
    const run = await runNode(randomSplit, { config: config as never });
    expect(run.error?.kind).toBe('config');
  });

  it('accepts ten branches', () => {
    const branches = Array.from({ length: 10 }, (_, i) => ({ id: `b${i}`, label: `B${i}`, weight: 1 }));
    expect(randomSplit.config.safeParse({ branches }).success).toBe(true);
  });
});
