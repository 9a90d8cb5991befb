import { create } from 'zustand';

type RunOverlayState = {
  /** The node the simulated conversation stands on (running, or waiting for the customer). */
  activeNodeId: string | null;
  /** Nodes the conversation went through, in order (a node visited twice appears twice). */
  visitedNodeIds: readonly string[];
  /** Edge ids the path took, so the canvas can draw the route. */
  takenEdgeIds: readonly string[];
  showRun(run: { activeNodeId: string | null; visitedNodeIds: readonly string[]; takenEdgeIds: readonly string[] }): void;
  clearRun(): void;
};

const EMPTY: readonly string[] = [];

/**
 * The simulator's overlay on the canvas (the path taken and the active node). Kept apart from the
 * editor store: it is not part of the graph, never saved, and never marks the draft dirty.
 */
export const useRunOverlayStore = create<RunOverlayState>()((set) => ({
  activeNodeId: null,
  visitedNodeIds: EMPTY,
  takenEdgeIds: EMPTY,
  showRun: (run) => set(run),
  clearRun: () => set({ activeNodeId: null, visitedNodeIds: EMPTY, takenEdgeIds: EMPTY }),
}));

/** How the run overlay marks one node: a boolean pair, cheap to compare. */
export function useNodeRunMark(nodeId: string): 'active' | 'visited' | null {
  return useRunOverlayStore((state) => (state.activeNodeId === nodeId ? 'active' : state.visitedNodeIds.includes(nodeId) ? 'visited' : null));
}
