import { starterGraph, switchType } from '../testFixtures';
import { toGraph, useEditorStore } from './editor.store';

const store = () => useEditorStore.getState();

beforeEach(() => store().load(starterGraph()));

describe('editor store', () => {
  it('gives back the loaded graph unchanged (labels, variables and all)', () => {
    expect(toGraph(store())).toEqual(starterGraph());
  });

  it('keeps one edge per source port: connecting the port again replaces its edge', () => {
    const other = store().addNode(switchType, { x: 0, y: 200 });
    const before = store().changeCount;
    store().connect({ source: 'start', sourceHandle: 'out', target: other, targetHandle: null });

    expect(toGraph(store()).edges).toEqual([{ id: `start-out-${other}`, source: 'start', sourcePort: 'out', target: other }]);
    expect(store().changeCount).toBe(before + 1);
  });

  it('does not count selection as a change, but counts moves and deletions (with their edges)', () => {
    const before = store().changeCount;
    store().onNodesChange([{ id: 'welcome', type: 'select', selected: true }]);
    expect(store().changeCount).toBe(before);

    store().onNodesChange([{ id: 'welcome', type: 'position', position: { x: 10.4, y: 20.6 } }]);
    expect(toGraph(store()).nodes[1]!.position).toEqual({ x: 10, y: 21 });

    store().onNodesChange([{ id: 'welcome', type: 'remove' }]);
    expect(toGraph(store())).toMatchObject({ nodes: [{ id: 'start' }], edges: [] });
    expect(store().changeCount).toBe(before + 2);
  });

  it('gives new nodes unique short ids and the schema defaults', () => {
    const a = store().addNode(switchType, { x: 0, y: 0 });
    const b = store().addNode(switchType, { x: 0, y: 0 });
    expect(a).not.toBe(b);
    expect(toGraph(store()).nodes.find((node) => node.id === a)).toMatchObject({ type: 'fluxo.switch', typeVersion: 1, config: { ignoreCase: true } });
  });
});
