import type { FlowGraph, GraphNode } from '../../flow-editor/types';
import { deepEqual, diffGraphs, hasChanges } from './graphDiff';

const node = (id: string, extra: Partial<GraphNode> = {}): GraphNode => ({
  id,
  type: 'fluxo.sendMessage',
  typeVersion: 1,
  position: { x: 0, y: 0 },
  config: { kind: 'text', text: 'Oi' },
  ...extra,
});

const graph = (nodes: GraphNode[], edges: Array<[string, string, string]> = []): Pick<FlowGraph, 'nodes' | 'edges'> => ({
  nodes,
  edges: edges.map(([source, sourcePort, target]) => ({ id: `${source}-${sourcePort}-${target}`, source, sourcePort, target })),
});

describe('diffGraphs', () => {
  const base = graph([node('a'), node('b')], [['a', 'out', 'b']]);

  it.each([
    ['identical graphs', graph([node('a'), node('b')], [['a', 'out', 'b']]), { a: 'same', b: 'same' }],
    ['a node only in the target', graph([node('a'), node('b'), node('c')], [['a', 'out', 'b']]), { a: 'same', b: 'same', c: 'added' }],
    ['a node only in the base', graph([node('a')]), { a: 'changed', b: 'removed' }],
    ['a moved node', graph([node('a', { position: { x: 500, y: 90 } }), node('b')], [['a', 'out', 'b']]), { a: 'same', b: 'same' }],
    ['another config', graph([node('a', { config: { kind: 'text', text: 'Olá' } }), node('b')], [['a', 'out', 'b']]), { a: 'changed', b: 'same' }],
    ['the same config in another key order', graph([node('a', { config: { text: 'Oi', kind: 'text' } }), node('b')], [['a', 'out', 'b']]), { a: 'same', b: 'same' }],
    ['another type version', graph([node('a', { typeVersion: 2 }), node('b')], [['a', 'out', 'b']]), { a: 'changed', b: 'same' }],
    ['another type', graph([node('a', { type: 'fluxo.askQuestion' }), node('b')], [['a', 'out', 'b']]), { a: 'changed', b: 'same' }],
    ['a new label', graph([node('a', { label: 'Boas-vindas' }), node('b')], [['a', 'out', 'b']]), { a: 'changed', b: 'same' }],
    ['an edge from another port', graph([node('a'), node('b')], [['a', 'invalid', 'b']]), { a: 'changed', b: 'same' }],
    ['an edge to another node', graph([node('a'), node('b'), node('c')], [['a', 'out', 'c']]), { a: 'changed', b: 'same', c: 'added' }],
  ])('%s', (_name, target, expected) => {
    expect(Object.fromEntries(diffGraphs(base, target).nodes)).toEqual(expected);
  });

  it('counts added, removed and changed nodes', () => {
    const target = graph([node('a', { config: { kind: 'text', text: 'Novo' } }), node('c'), node('d')]);
    const { counts } = diffGraphs(base, target);
    expect(counts).toEqual({ added: 2, removed: 1, changed: 1 });
    expect(hasChanges(counts)).toBe(true);
    expect(hasChanges(diffGraphs(base, base).counts)).toBe(false);
  });

  it('keys edges by connection, so the same connection under another id is the same edge', () => {
    const target = { ...base, edges: [{ id: 'renamed', source: 'a', sourcePort: 'out', target: 'b' }] };
    expect(Object.fromEntries(diffGraphs(base, target).edges)).toEqual({ 'a:out→b': 'same' });
  });

  it('marks added and removed edges', () => {
    const target = graph([node('a'), node('b')], [['b', 'out', 'a']]);
    expect(Object.fromEntries(diffGraphs(base, target).edges)).toEqual({ 'b:out→a': 'added', 'a:out→b': 'removed' });
  });
});

describe('deepEqual', () => {
  it.each([
    [{ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }, true],
    [{ list: [1, 2] }, { list: [2, 1] }, false],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: null }, { a: 0 }, false],
    [[{ x: 'y' }], [{ x: 'y' }], true],
    ['1', 1, false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(deepEqual(a, b)).toBe(expected);
  });
});
