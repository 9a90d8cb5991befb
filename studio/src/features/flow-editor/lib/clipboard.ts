import { fromGraph, toGraph } from '../store/editor.store';
import type { EditorEdge, EditorNode } from '../store/editor.store';
import type { GraphEdge, GraphNode } from '../types';
import { newEdgeId, newNodeId } from './nodeIds';

/**
 * What a copy puts on the clipboard: nodes and edges in the saved graph's shape, so that a paste
 * works in another flow, tab or window of the studio.
 */
export type ClipboardEnvelope = { fluxoClipboard: 1; nodes: GraphNode[]; edges: GraphEdge[] };

/** The selected nodes and the edges between them; null when nothing is selected. */
export function copyOfSelection(state: { nodes: readonly EditorNode[]; edges: readonly EditorEdge[] }): ClipboardEnvelope | null {
  const nodes = state.nodes.filter((node) => node.selected);
  if (nodes.length === 0) return null;
  const ids = new Set(nodes.map((node) => node.id));
  const edges = state.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  const graph = toGraph({ nodes, edges, rest: { schemaVersion: 1, variables: [] } });
  return { fluxoClipboard: 1, nodes: graph.nodes, edges: graph.edges };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function isGraphNode(value: unknown): value is GraphNode {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.type === 'string' &&
    isNumber(value.typeVersion) &&
    isObject(value.position) &&
    isNumber(value.position.x) &&
    isNumber(value.position.y) &&
    (value.config === undefined || isObject(value.config)) &&
    (value.label === undefined || typeof value.label === 'string')
  );
}

function isGraphEdge(value: unknown): value is GraphEdge {
  return isObject(value) && ['id', 'source', 'sourcePort', 'target'].every((key) => typeof value[key] === 'string');
}

/** Clipboard text back into an envelope; anything else (a sentence, another app's JSON) gives null. */
export function parseClipboard(text: string | null | undefined): ClipboardEnvelope | null {
  if (!text || !text.includes('fluxoClipboard')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Text that merely mentions the word is not ours.
    return null;
  }
  if (!isObject(value) || value.fluxoClipboard !== 1 || !Array.isArray(value.nodes) || !Array.isArray(value.edges)) return null;
  const nodes = value.nodes.filter(isGraphNode);
  if (nodes.length === 0) return null;
  const ids = new Set(nodes.map((node) => node.id));
  const edges = value.edges.filter(isGraphEdge).filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  return { fluxoClipboard: 1, nodes, edges };
}

export type Placement = { at: { x: number; y: number } } | { offset: number };

/**
 * Copies of the envelope's nodes with ids free in the graph (edges follow their nodes), either
 * with their top-left corner at `at` (the pointer) or moved by `offset` from the originals.
 */
export function placeCopies(
  envelope: ClipboardEnvelope,
  graph: { nodes: readonly EditorNode[]; edges: readonly EditorEdge[] },
  placement: Placement,
): { nodes: EditorNode[]; edges: EditorEdge[] } {
  const { nodes, edges } = fromGraph({ nodes: envelope.nodes, edges: envelope.edges });
  const left = Math.min(...nodes.map((node) => node.position.x));
  const top = Math.min(...nodes.map((node) => node.position.y));
  const shift = 'at' in placement ? { x: placement.at.x - left, y: placement.at.y - top } : { x: placement.offset, y: placement.offset };

  const takenNodes = new Set(graph.nodes.map((node) => node.id));
  const renamed = new Map<string, string>();
  const copies = nodes.map((node) => {
    const id = newNodeId(node.data.type, takenNodes);
    takenNodes.add(id);
    renamed.set(node.id, id);
    return { ...node, id, position: { x: node.position.x + shift.x, y: node.position.y + shift.y }, selected: true };
  });

  const takenEdges = new Set(graph.edges.map((edge) => edge.id));
  const edgeCopies = edges.map((edge) => {
    const source = renamed.get(edge.source) as string;
    const target = renamed.get(edge.target) as string;
    const id = newEdgeId(source, edge.sourceHandle ?? 'out', target, takenEdges);
    takenEdges.add(id);
    return { ...edge, id, source, target };
  });
  return { nodes: copies, edges: edgeCopies };
}
