import { starterGraph } from '../../flow-editor/testFixtures';
import type { FlowGraph } from '../../flow-editor/types';
import { buildDiffCanvas, versionCanvas } from './diffCanvas';

function withRemovedBranch(): FlowGraph {
  const graph = starterGraph();
  graph.nodes.push({ id: 'closed', type: 'fluxo.businessHours', typeVersion: 1, position: { x: 640, y: 40 }, config: {} });
  graph.edges.push({ id: 'e-old', source: 'welcome', sourcePort: 'out', target: 'closed' });
  return graph;
}

describe('buildDiffCanvas', () => {
  it('shows the union: draft nodes where they are now, removed nodes where they were', () => {
    const draft = starterGraph();
    draft.nodes[0]!.position = { x: -100, y: 0 };
    const canvas = buildDiffCanvas(withRemovedBranch(), draft);

    expect(canvas.nodes.map((node) => [node.id, node.position])).toEqual([
      ['start', { x: -100, y: 0 }],
      ['welcome', { x: 320, y: 0 }],
      ['closed', { x: 640, y: 40 }],
    ]);
    expect(Object.fromEntries(canvas.kinds)).toEqual({ closed: 'removed', welcome: 'changed' });
    expect(canvas.counts).toEqual({ added: 0, removed: 1, changed: 1 });
  });

  it('keys edges by connection and classes the ones that differ', () => {
    const draft = starterGraph();
    draft.edges = [{ id: 'renamed', source: 'start', sourcePort: 'out', target: 'welcome' }];
    const canvas = buildDiffCanvas(withRemovedBranch(), draft);
    expect(canvas.edges.map((edge) => [edge.id, edge.className])).toEqual([
      ['start:out→welcome', undefined],
      ['welcome:out→closed', 'version-edge--removed'],
    ]);
  });

  it('an old version alone is drawn as it was', () => {
    const { nodes, edges } = versionCanvas(withRemovedBranch());
    expect(nodes.map((node) => node.id)).toEqual(['start', 'welcome', 'closed']);
    expect(edges.map((edge) => edge.id)).toEqual(['start-welcome', 'e-old']);
  });
});
