import { emptyHistory, HISTORY_LIMIT, recordStep, redoStep, snapshotOf, undoStep } from './history';

describe('history', () => {
  it('merges steps of the same key inside the window, and only calls `before` for a real step', () => {
    const before = jest.fn(() => 'state');
    let history = recordStep(emptyHistory<string>(), before, { key: 'config:a', windowMs: 1000, now: 0 });
    history = recordStep(history, before, { key: 'config:a', windowMs: 1000, now: 900 });
    history = recordStep(history, before, { key: 'config:a', windowMs: 1000, now: 1800 });
    expect(history.past).toHaveLength(1);
    expect(before).toHaveBeenCalledTimes(1);

    history = recordStep(history, before, { key: 'config:a', windowMs: 1000, now: 3000 });
    history = recordStep(history, before, { key: 'config:b', windowMs: 1000, now: 3100 });
    expect(history.past).toHaveLength(3);
  });

  it(`keeps the last ${HISTORY_LIMIT} steps and walks back and forth`, () => {
    let history = emptyHistory<number>();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) history = recordStep(history, () => i);
    expect(history.past[0]).toBe(5);

    const back = undoStep(history, 999)!;
    expect(back.target).toBe(HISTORY_LIMIT + 4);
    const forth = redoStep(back.history, back.target)!;
    expect(forth.target).toBe(999);
    expect(redoStep(forth.history, 999)).toBeNull();
    expect(undoStep(emptyHistory<number>(), 1)).toBeNull();
  });

  it('leaves selection and measured sizes out of a snapshot, and reuses the copy of an unchanged node', () => {
    const node = { id: 'a', position: { x: 0, y: 0 }, data: {}, selected: true, measured: { width: 10, height: 10 } };
    const state = { nodes: [node], edges: [{ id: 'e', source: 'a', target: 'a', selected: true }], rest: null };
    const first = snapshotOf(state);
    expect(first.nodes[0]).toEqual({ id: 'a', position: { x: 0, y: 0 }, data: {} });
    expect(first.edges[0]).toEqual({ id: 'e', source: 'a', target: 'a' });
    expect(snapshotOf(state).nodes[0]).toBe(first.nodes[0]);
  });
});
