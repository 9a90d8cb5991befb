import type { NodeDiffKind } from '../../flow-editor/components/nodeDiff';
import type { FlowGraph, GraphEdge, GraphNode, JsonValue } from '../../flow-editor/types';

export type DiffKind = NodeDiffKind | 'same';

export type DiffCounts = { added: number; removed: number; changed: number };

export type GraphDiff = {
  /** Every node id of either graph: only in the target = added, only in the base = removed. */
  nodes: Map<string, DiffKind>;
  /** Edges by `source:port→target` (ids differ between saves of the same connection). */
  edges: Map<string, Exclude<DiffKind, 'changed'>>;
  /** Node counts; a node whose outgoing edges changed counts as changed. */
  counts: DiffCounts;
};

type DiffableGraph = Pick<FlowGraph, 'nodes' | 'edges'>;

/** How an edge is identified across versions: where it leaves from and where it goes. */
export const edgeKey = (edge: Pick<GraphEdge, 'source' | 'sourcePort' | 'target'>): string => `${edge.source}:${edge.sourcePort}→${edge.target}`;

/**
 * What changed from `base` (e.g. the published version) to `target` (e.g. the draft).
 *
 * Position is ignored on purpose: tidying the canvas changes nothing a customer sees, and showing
 * every nudged node as "changed" would hide the edits that matter. A node is changed when its
 * type, type version, label or config differ (config deeply, key order irrelevant: the server
 * and the editor may serialise the same object in different orders), or when its outgoing
 * connections differ (the conversation would go elsewhere from it).
 */
export function diffGraphs(base: DiffableGraph, target: DiffableGraph): GraphDiff {
  const baseNodes = new Map(base.nodes.map((node) => [node.id, node]));
  const targetNodes = new Map(target.nodes.map((node) => [node.id, node]));
  const baseOut = outgoing(base.edges);
  const targetOut = outgoing(target.edges);

  const nodes = new Map<string, DiffKind>();
  for (const [id, node] of targetNodes) {
    const old = baseNodes.get(id);
    if (!old) nodes.set(id, 'added');
    else nodes.set(id, sameNode(old, node) && baseOut.get(id) === targetOut.get(id) ? 'same' : 'changed');
  }
  for (const id of baseNodes.keys()) if (!targetNodes.has(id)) nodes.set(id, 'removed');

  const baseEdges = new Set(base.edges.map(edgeKey));
  const targetEdges = new Set(target.edges.map(edgeKey));
  const edges = new Map<string, Exclude<DiffKind, 'changed'>>();
  for (const key of targetEdges) edges.set(key, baseEdges.has(key) ? 'same' : 'added');
  for (const key of baseEdges) if (!targetEdges.has(key)) edges.set(key, 'removed');

  const counts: DiffCounts = { added: 0, removed: 0, changed: 0 };
  for (const kind of nodes.values()) if (kind !== 'same') counts[kind] += 1;
  return { nodes, edges, counts };
}

export const hasChanges = (counts: DiffCounts): boolean => counts.added + counts.removed + counts.changed > 0;

function sameNode(a: GraphNode, b: GraphNode): boolean {
  return a.type === b.type && a.typeVersion === b.typeVersion && (a.label ?? '') === (b.label ?? '') && deepEqual(a.config ?? {}, b.config ?? {});
}

/** Each node's outgoing connections as one comparable string. */
function outgoing(edges: readonly GraphEdge[]): Map<string, string> {
  const bySource = new Map<string, string[]>();
  for (const edge of edges) {
    const list = bySource.get(edge.source);
    if (list) list.push(edgeKey(edge));
    else bySource.set(edge.source, [edgeKey(edge)]);
  }
  return new Map([...bySource].map(([source, keys]) => [source, keys.sort().join('|')]));
}

/** JSON equality; object key order does not matter, array order does. */
export function deepEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  const aKeys = Object.keys(a).filter((key) => a[key] !== undefined);
  const bKeys = Object.keys(b).filter((key) => b[key] !== undefined);
  return aKeys.length === bKeys.length && aKeys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEqual(a[key], b[key]));
}
