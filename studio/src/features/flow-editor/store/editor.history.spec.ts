import { sendMessageType, starterGraph } from '../testFixtures';
import type { FlowGraph } from '../types';
import { COALESCE_MS, toGraph, useEditorStore } from './editor.store';

const store = () => useEditorStore.getState();

function bigGraph(count: number): FlowGraph {
  return {
    schemaVersion: 1,
    variables: [],
    nodes: Array.from({ length: count }, (_, i) => ({ id: `n${i}`, type: 'fluxo.sendMessage', typeVersion: 1, position: { x: i * 10, y: 0 }, config: { text: `m${i}` } })),
    edges: Array.from({ length: count - 1 }, (_, i) => ({ id: `e${i}`, source: `n${i}`, sourcePort: 'out', target: `n${i + 1}` })),
  };
}

beforeEach(() => {
  jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
  store().load(starterGraph());
});
afterEach(() => jest.useRealTimers());

describe('editor store history', () => {
  it('undoes and redoes a connection, counting both as changes so that autosave saves', () => {
    const id = store().addNode(sendMessageType, { x: 0, y: 200 });
    expect(store().canUndo).toBe(true);
    const before = store().changeCount;

    store().undo();
    expect(toGraph(store())).toEqual(starterGraph());
    expect(store().canRedo).toBe(true);
    expect(store().changeCount).toBe(before + 1);

    store().redo();
    expect(store().nodes.map((node) => node.id)).toContain(id);
    expect(store().canRedo).toBe(false);
    expect(store().changeCount).toBe(before + 2);
  });

  it('merges typing into one node within a second, but not edits of two nodes or after a pause', () => {
    store().updateNodeConfig('welcome', { text: 'O' });
    jest.advanceTimersByTime(300);
    store().updateNodeConfig('welcome', { text: 'Oi' });
    jest.advanceTimersByTime(COALESCE_MS + 1);
    store().updateNodeConfig('welcome', { text: 'Oi!' });
    store().updateNodeLabel('start', 'Começo');

    store().undo();
    expect(toGraph(store()).nodes[0]!.label).toBe('Início');
    store().undo();
    expect(toGraph(store()).nodes[1]!.config).toEqual({ text: 'Oi' });
    store().undo();
    expect(toGraph(store())).toEqual(starterGraph());
    expect(store().canUndo).toBe(false);
  });

  it('makes one step of a whole drag, not one per mouse move', () => {
    for (let x = 1; x <= 20; x++) store().onNodesChange([{ id: 'welcome', type: 'position', position: { x, y: 0 }, dragging: true }]);
    store().onNodesChange([{ id: 'welcome', type: 'position', position: { x: 20, y: 0 }, dragging: false }]);
    expect(store().history.past).toHaveLength(1);

    store().undo();
    expect(toGraph(store()).nodes[1]!.position).toEqual({ x: 320, y: 0 });
  });

  it('ignores selection and measuring, and keeps them out of the snapshots', () => {
    store().onNodesChange([{ id: 'welcome', type: 'select', selected: true }]);
    store().onNodesChange([{ id: 'welcome', type: 'dimensions', dimensions: { width: 200, height: 80 } }]);
    expect(store().canUndo).toBe(false);

    store().updateNodeLabel('welcome', 'Saudação');
    const snapshot = store().history.past[0]!;
    expect(snapshot.nodes[1]).not.toHaveProperty('selected');
    expect(snapshot.nodes[1]).not.toHaveProperty('measured');
    store().undo();
    // What React Flow measured and what the person selected survive the undo.
    expect(store().nodes[1]).toMatchObject({ selected: true, measured: { width: 200, height: 80 } });
  });

  it('drops the redo branch on a new change and starts over on load', () => {
    store().updateNodeLabel('welcome', 'A');
    store().undo();
    store().updateNodeLabel('start', 'B');
    expect(store().canRedo).toBe(false);

    store().load(starterGraph());
    expect(store().canUndo).toBe(false);
    expect(store().history.past).toHaveLength(0);
  });

  it('keeps a 300-node flow cheap: at most 100 steps, unchanged nodes shared between them', () => {
    store().load(bigGraph(300));
    for (let i = 0; i < 120; i++) store().updateNodeLabel(`n${i}`, `label ${i}`);
    const { past } = store().history;
    expect(past).toHaveLength(100);
    const [older, newer] = [past[past.length - 2]!, past[past.length - 1]!];
    expect(newer.nodes[299]).toBe(older.nodes[299]);
    expect(newer.nodes[118]).not.toBe(older.nodes[118]);

    for (let i = 0; i < 100; i++) store().undo();
    expect(store().canUndo).toBe(false);
    expect(toGraph(store()).nodes.filter((node) => node.label).map((node) => node.id)).toEqual(Array.from({ length: 20 }, (_, i) => `n${i}`));
  });

  it('drags a selection of a 300-node flow as one step and undoes it exactly', () => {
    store().load(bigGraph(300));
    store().selectAll();
    const moved = store().nodes.slice(0, 50);
    for (let frame = 1; frame <= 60; frame++) {
      store().onNodesChange(moved.map((node) => ({ id: node.id, type: 'position', position: { x: node.position.x + frame, y: frame }, dragging: true })));
    }
    store().onNodesChange(moved.map((node) => ({ id: node.id, type: 'position', position: { x: node.position.x + 60, y: 60 }, dragging: false })));
    expect(store().history.past).toHaveLength(1);
    expect(toGraph(store()).nodes[10]!.position).toEqual({ x: 160, y: 60 });

    store().undo();
    expect(toGraph(store())).toEqual(bigGraph(300));
    expect(store().nodes.every((node) => node.selected)).toBe(true);
    store().redo();
    expect(toGraph(store()).nodes[10]!.position).toEqual({ x: 160, y: 60 });
  });

  it('makes one step of a Delete, though React Flow sends the node and edge removals apart', () => {
    store().onEdgesChange([{ id: 'start-welcome', type: 'remove' }]);
    store().onNodesChange([{ id: 'welcome', type: 'remove' }]);
    expect(store().history.past).toHaveLength(1);
    store().undo();
    expect(toGraph(store())).toEqual(starterGraph());
  });

  it('removes the selection as one step and puts it back with its edges', () => {
    store().selectAll();
    store().removeSelected();
    expect(toGraph(store())).toMatchObject({ nodes: [], edges: [] });
    store().undo();
    expect(toGraph(store())).toEqual(starterGraph());
  });
});
