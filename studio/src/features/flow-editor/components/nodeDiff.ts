import { createContext, useContext } from 'react';

/** How a node of an old version differs from the draft. */
export type NodeDiffKind = 'added' | 'removed' | 'changed';

/**
 * Set by a canvas that shows a diff (the versions viewer); the editable canvas has none. A context
 * and not a store, because the diff belongs to one canvas instance, not to the open flow.
 */
export const NodeDiffContext = createContext<ReadonlyMap<string, NodeDiffKind> | null>(null);

export function useNodeDiff(nodeId: string): NodeDiffKind | null {
  return useContext(NodeDiffContext)?.get(nodeId) ?? null;
}
