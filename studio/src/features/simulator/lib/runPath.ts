import type { TraceStep } from '../types';

export type EdgeLike = { id: string; source: string; sourceHandle?: string | null };

export type RunPath = { visitedNodeIds: readonly string[]; takenEdgeIds: readonly string[] };

export const EMPTY_PATH: RunPath = { visitedNodeIds: [], takenEdgeIds: [] };

/**
 * The canvas path one turn took: every step's node in order, and for each step that left by a
 * port the edge drawn from that node's port (an edge without a handle is the `out` port).
 */
export function pathOfTrace(trace: readonly TraceStep[], edges: readonly EdgeLike[]): RunPath {
  const visitedNodeIds = trace.map((step) => step.nodeId);
  const takenEdgeIds: string[] = [];
  for (const step of trace) {
    if (!step.port) continue;
    const edge = edges.find((candidate) => candidate.source === step.nodeId && (candidate.sourceHandle ?? 'out') === step.port);
    if (edge) takenEdgeIds.push(edge.id);
  }
  return { visitedNodeIds, takenEdgeIds };
}

/** The conversation's path so far plus one more turn; an edge taken twice is drawn once. */
export function appendPath(path: RunPath, next: RunPath): RunPath {
  const takenEdgeIds = [...path.takenEdgeIds];
  for (const id of next.takenEdgeIds) if (!takenEdgeIds.includes(id)) takenEdgeIds.push(id);
  return { visitedNodeIds: [...path.visitedNodeIds, ...next.visitedNodeIds], takenEdgeIds };
}

/** Node ids of a trace that the draft on the canvas no longer has (a published version's run). */
export function missingNodeIds(trace: readonly TraceStep[], nodeIds: ReadonlySet<string>): string[] {
  return [...new Set(trace.map((step) => step.nodeId).filter((id) => !nodeIds.has(id)))];
}
