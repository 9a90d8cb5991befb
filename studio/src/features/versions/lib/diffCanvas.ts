import type { NodeDiffKind } from '../../flow-editor/components/nodeDiff';
import { fromGraph } from '../../flow-editor/store/editor.store';
import type { EditorEdge, EditorNode } from '../../flow-editor/store/editor.store';
import type { FlowGraph } from '../../flow-editor/types';
import { diffGraphs, edgeKey } from './graphDiff';
import type { DiffCounts } from './graphDiff';

export type DiffCanvas = {
  nodes: EditorNode[];
  edges: EditorEdge[];
  /** Only the nodes that differ; what `NodeDiffContext` hands to the node cards. */
  kinds: ReadonlyMap<string, NodeDiffKind>;
  counts: DiffCounts;
};

/**
 * The union of an old version and the draft, for the diff viewer: the draft's nodes where it has
 * them (added and changed ones look as they are now), plus the version's removed nodes where they
 * used to be. Edges are keyed by connection, so an edge re-saved under another id is the same edge.
 */
export function buildDiffCanvas(version: FlowGraph, draft: FlowGraph): DiffCanvas {
  const diff = diffGraphs(version, draft);
  const removedNodes = version.nodes.filter((node) => diff.nodes.get(node.id) === 'removed');
  const removedEdges = version.edges.filter((edge) => diff.edges.get(edgeKey(edge)) === 'removed');
  const canvas = fromGraph({ nodes: [...draft.nodes, ...removedNodes], edges: [...draft.edges, ...removedEdges] });

  const kinds = new Map<string, NodeDiffKind>();
  for (const [id, kind] of diff.nodes) if (kind !== 'same') kinds.set(id, kind);

  const edges = canvas.edges.map((edge) => {
    const key = edgeKey({ source: edge.source, sourcePort: edge.sourceHandle ?? 'out', target: edge.target });
    const kind = diff.edges.get(key);
    return { ...edge, id: key, ...(kind && kind !== 'same' && { className: `version-edge--${kind}` }) };
  });
  return { nodes: canvas.nodes, edges, kinds, counts: diff.counts };
}

/** An old version as it was, read-only. */
export function versionCanvas(version: FlowGraph): Pick<DiffCanvas, 'nodes' | 'edges'> {
  const { nodes, edges } = fromGraph(version);
  return { nodes, edges };
}
