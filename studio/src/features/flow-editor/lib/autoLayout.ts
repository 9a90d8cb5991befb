import { graphlib, layout } from '@dagrejs/dagre';
import type { OrderConstraint } from '@dagrejs/dagre';

export type LayoutNode = { id: string; width: number; height: number; ports: readonly string[] };
export type LayoutEdge = { source: string; sourcePort: string; target: string };
export type Position = { x: number; y: number };

const SPACING = { nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 };

/**
 * Where each node goes when the flow is tidied up: left to right, each column a step of the
 * conversation. Targets of one node are kept top-to-bottom in the order of its ports (a
 * "Sim" above a "Não", as the card lists them) where dagre can; returns top-left corners.
 */
export function layoutFlow(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, Position> {
  const graph = new graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', ...SPACING });
  graph.setDefaultEdgeLabel(() => ({}));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  for (const node of nodes) graph.setNode(node.id, { width: node.width, height: node.height });

  const ordered = edges.filter((edge) => byId.has(edge.source) && byId.has(edge.target)).sort((a, b) => portRank(byId, a) - portRank(byId, b));
  ordered.forEach((edge, index) => graph.setEdge(edge.source, edge.target, {}, `e${index}`));

  layout(graph, { constraints: siblingOrder(ordered) });

  const positions = new Map<string, Position>();
  for (const node of nodes) {
    const placed = graph.node(node.id);
    positions.set(node.id, { x: Math.round((placed.x ?? 0) - node.width / 2), y: Math.round((placed.y ?? 0) - node.height / 2) });
  }
  return positions;
}

/** Where the edge leaves its source among the ports on the card (unknown ports last). */
function portRank(byId: Map<string, LayoutNode>, edge: LayoutEdge): number {
  const ports = byId.get(edge.source)?.ports ?? [];
  const index = ports.indexOf(edge.sourcePort);
  return index === -1 ? ports.length : index;
}

/**
 * "Left before right" in dagre's order of a column, which is top before bottom left to right.
 * Consecutive targets of the same node only: dagre ignores pairs that end up in different columns.
 */
function siblingOrder(edges: readonly LayoutEdge[]): OrderConstraint[] {
  const targets = new Map<string, string[]>();
  for (const edge of edges) {
    const list = targets.get(edge.source) ?? [];
    if (!list.includes(edge.target) && edge.target !== edge.source) list.push(edge.target);
    targets.set(edge.source, list);
  }
  const constraints: OrderConstraint[] = [];
  for (const list of targets.values()) {
    for (let i = 1; i < list.length; i++) constraints.push({ left: list[i - 1] as string, right: list[i] as string });
  }
  return constraints;
}
