import { create } from 'zustand';
import type { FlowProblem } from '../types';

const NONE: readonly FlowProblem[] = [];

type ProblemsState = {
  /** The draft's problems as the last save (or load) reported them, in the server's order. */
  problems: readonly FlowProblem[];
  /** The same problems by node id; graph-wide ones (no trigger…) are only in `problems`. */
  byNode: ReadonlyMap<string, readonly FlowProblem[]>;
  setProblems(problems: readonly FlowProblem[]): void;
};

/** Validation problems of the open draft: the header count, the node badges and the problems list read them. */
export const useProblemsStore = create<ProblemsState>()((set) => ({
  problems: NONE,
  byNode: new Map(),
  setProblems(problems) {
    const byNode = new Map<string, FlowProblem[]>();
    for (const problem of problems) {
      if (!problem.nodeId) continue;
      const list = byNode.get(problem.nodeId);
      if (list) list.push(problem);
      else byNode.set(problem.nodeId, [problem]);
    }
    set({ problems, byNode });
  },
}));

/** One node's problems; the same empty array when it has none, so cards without problems never re-render. */
export function useNodeProblems(nodeId: string): readonly FlowProblem[] {
  return useProblemsStore((state) => state.byNode.get(nodeId) ?? NONE);
}
