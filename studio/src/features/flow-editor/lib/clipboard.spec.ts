import { fromGraph } from '../store/editor.store';
import { starterGraph } from '../testFixtures';
import { copyOfSelection, parseClipboard, placeCopies } from './clipboard';

function canvas(selected: string[]) {
  const { nodes, edges } = fromGraph(starterGraph());
  return { nodes: nodes.map((node) => ({ ...node, selected: selected.includes(node.id) })), edges };
}

describe('clipboard', () => {
  it('copies the selected nodes and only the edges between them', () => {
    expect(copyOfSelection(canvas([]))).toBeNull();
    expect(copyOfSelection(canvas(['welcome']))).toMatchObject({ fluxoClipboard: 1, nodes: [{ id: 'welcome' }], edges: [] });
    expect(copyOfSelection(canvas(['start', 'welcome']))?.edges).toEqual([{ id: 'start-welcome', source: 'start', sourcePort: 'out', target: 'welcome' }]);
  });

  it('reads back its own envelope and nothing else', () => {
    const envelope = copyOfSelection(canvas(['start', 'welcome']))!;
    expect(parseClipboard(JSON.stringify(envelope))).toEqual(envelope);
    expect(parseClipboard('olá')).toBeNull();
    expect(parseClipboard('{"nodes": []}')).toBeNull();
    expect(parseClipboard('{"fluxoClipboard": 1, "nodes": [{"id": 3}], "edges": []}')).toBeNull();
    expect(parseClipboard('fluxoClipboard {')).toBeNull();
  });

  it('pastes copies with new ids, their edges renamed, offset or at the pointer, selected', () => {
    const graph = canvas(['start', 'welcome']);
    const envelope = copyOfSelection(graph)!;

    const offset = placeCopies(envelope, graph, { offset: 40 });
    expect(offset.nodes.map((node) => node.position)).toEqual([{ x: 40, y: 40 }, { x: 360, y: 40 }]);
    expect(offset.nodes.every((node) => node.selected && !['start', 'welcome'].includes(node.id))).toBe(true);
    expect(offset.edges).toEqual([expect.objectContaining({ source: offset.nodes[0]!.id, target: offset.nodes[1]!.id, sourceHandle: 'out' })]);
    expect(offset.nodes[0]!.data).toEqual({ type: 'fluxo.messageTrigger', typeVersion: 1, config: { mode: 'any' }, label: 'Início' });

    const atPointer = placeCopies(envelope, graph, { at: { x: 500, y: 300 } });
    expect(atPointer.nodes.map((node) => node.position)).toEqual([{ x: 500, y: 300 }, { x: 820, y: 300 }]);
  });
});
