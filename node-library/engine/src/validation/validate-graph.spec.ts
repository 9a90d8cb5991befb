import { graph, testRegistry } from '../__fixtures__/test-nodes';
import { flowGraphSchema } from '../graph/flow-graph';
import { validateGraph } from './validate-graph';

const registry = testRegistry();
const codes = (g: Parameters<typeof validateGraph>[0]) => validateGraph(g, registry).map((p) => [p.code, p.nodeId ?? p.edgeId ?? null]);

describe('validateGraph', () => {
  it('accepts a sound flow', () => {
    expect(validateGraph(graph([['t', 'test.trigger'], ['s', 'test.say', { text: 'Olá {{ contact.name }}' }]], ['t>s']), registry)).toEqual([]);
  });

  it.each<[string, ReturnType<typeof graph>, Array<[string, string | null]>]>([
    ['no trigger', graph([['s', 'test.say', { text: 'x' }]], []), [['NO_TRIGGER', null]]],
    ['duplicate node ids', graph([['t', 'test.trigger'], ['t', 'test.pass']], []), [['DUPLICATE_NODE_ID', 't']]],
    ['unknown type', graph([['t', 'test.trigger'], ['x', 'acme.nope']], ['t>x']), [['UNKNOWN_NODE_TYPE', 'x']]],
    ['config failing its schema', graph([['t', 'test.trigger'], ['s', 'test.say', { text: 42 }]], ['t>s']), [['INVALID_CONFIG', 's']]],
    ['a template that does not parse', graph([['t', 'test.trigger'], ['s', 'test.say', { text: 'Olá {% if %}' }]], ['t>s']), [['INVALID_TEMPLATE', 's']]],
    ['a dangling edge', graph([['t', 'test.trigger']], ['t>ghost']), [['DANGLING_EDGE', 't']]],
    ['an edge from a port the node lacks', graph([['t', 'test.trigger'], ['s', 'test.say', { text: 'x' }]], ['t:nope>s']), [['UNKNOWN_PORT', 't']]],
    ['an edge into a trigger', graph([['t', 'test.trigger'], ['u', 'test.trigger']], ['t>u']), [['EDGE_INTO_TRIGGER', 'u']]],
    ['one port connected twice', graph([['t', 'test.trigger'], ['a', 'test.pass'], ['b', 'test.pass']], ['t>a', 't>b']), [['PORT_FAN_OUT', 't']]],
    ['an unreachable node', graph([['t', 'test.trigger'], ['s', 'test.say', { text: 'x' }]], []), [['UNREACHABLE_NODE', 's']]],
    ['an unconnected required port', graph([['t', 'test.trigger'], ['b', 'test.buttons', { options: [{ id: 'yes', title: 'Sim' }], required: true }]], ['t>b']), [['UNCONNECTED_PORT', 'b']]],
  ])('reports %s by node id', (_name, g, expected) => {
    expect(codes(g)).toEqual(expected);
  });

  it('reports an unknown version with the latest one', () => {
    const g = graph([['t', 'test.trigger'], ['s', 'test.say', { text: 'x' }]], ['t>s']);
    (g.nodes[1] as { typeVersion: number }).typeVersion = 3;
    expect(validateGraph(g, registry)).toEqual([
      expect.objectContaining({ code: 'UNKNOWN_NODE_VERSION', nodeId: 's', message: 'test.say has no version 3 (latest is 1).' }),
    ]);
  });

  it('gives the config path of an invalid field', () => {
    const [problem] = validateGraph(graph([['t', 'test.trigger'], ['b', 'test.buttons', { options: [{ id: 1 }] }]], ['t>b']), registry);
    expect(problem).toMatchObject({ code: 'INVALID_CONFIG', nodeId: 'b', path: 'options.0.id' });
  });

  it('marks problems as warnings on save and errors on publish', () => {
    const g = graph([['s', 'test.say', { text: 'x' }]], []);
    expect(validateGraph(g, registry, 'save').map((p) => p.severity)).toEqual(['warning']);
    expect(validateGraph(g, registry, 'publish').map((p) => p.severity)).toEqual(['error']);
  });
});

describe('flowGraphSchema', () => {
  it('accepts the graph shape and fills defaults', () => {
    const parsed = flowGraphSchema.parse({ schemaVersion: 1, nodes: [{ id: 'a', type: 'x.y', typeVersion: 1, position: { x: 0, y: 0 } }], edges: [] });
    expect(parsed).toEqual({ schemaVersion: 1, nodes: [{ id: 'a', type: 'x.y', typeVersion: 1, position: { x: 0, y: 0 }, config: {} }], edges: [], variables: [] });
  });

  it.each([
    [{ schemaVersion: 2, nodes: [], edges: [] }],
    [{ schemaVersion: 1, nodes: [{ id: 'a', type: 'x.y', typeVersion: 1.5, position: { x: 0, y: 0 } }], edges: [] }],
    [{ schemaVersion: 1, nodes: [], edges: [{ id: 'e', source: 'a', target: 'b' }] }],
    [{ schemaVersion: 1, nodes: [], edges: [], variables: [{ name: '1x', type: 'string' }] }],
  ])('rejects malformed graphs %#', (input) => {
    expect(flowGraphSchema.safeParse(input).success).toBe(false);
  });
});
