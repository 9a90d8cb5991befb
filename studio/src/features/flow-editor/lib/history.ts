import type { Edge, Node } from '@xyflow/react';

/** The saved part of the canvas at one moment: no selection, no measured sizes, no drag state. */
export type GraphSnapshot<N extends Node = Node, E extends Edge = Edge, R = unknown> = {
  nodes: N[];
  edges: E[];
  rest: R;
};

export type History<S> = {
  past: readonly S[];
  future: readonly S[];
  /** What the last step was about (`config:<nodeId>`…), so that a burst of the same edit stays one step. */
  lastKey: string | null;
  lastAt: number;
};

export const HISTORY_LIMIT = 100;

export function emptyHistory<S>(): History<S> {
  return { past: [], future: [], lastKey: null, lastAt: 0 };
}

/*
 * The canvas replaces a node object whenever it changes, so a node object that is still on the
 * canvas has the same stripped copy as before: steps share it, and a step over 300 nodes where one
 * changed allocates one node and an array of references.
 */
const strippedNodes = new WeakMap<Node, Node>();
const strippedEdges = new WeakMap<Edge, Edge>();

function stripped<T extends object>(cache: WeakMap<T, T>, item: T, strip: (item: T) => T): T {
  let copy = cache.get(item);
  if (!copy) {
    copy = strip(item);
    cache.set(item, copy);
  }
  return copy;
}

const stripNode = ({ selected: _s, measured: _m, dragging: _d, width: _w, height: _h, ...node }: Node): Node => node;
const stripEdge = ({ selected: _s, ...edge }: Edge): Edge => edge;

/** Drops what React Flow adds to nodes and edges while the person works, keeping what is saved. */
export function snapshotOf<N extends Node, E extends Edge, R>(state: GraphSnapshot<N, E, R>): GraphSnapshot<N, E, R> {
  return {
    nodes: state.nodes.map((node) => stripped(strippedNodes, node, stripNode) as N),
    edges: state.edges.map((edge) => stripped(strippedEdges, edge, stripEdge) as E),
    rest: state.rest,
  };
}

type RecordOptions = {
  /** Steps with the same key within `windowMs` of each other merge into the first one. */
  key?: string;
  windowMs?: number;
  now?: number;
};

/**
 * Remembers the state before a change. `before` is only called when a step is really pushed, so a
 * merged keystroke or a mouse move never copies the graph.
 */
export function recordStep<S>(history: History<S>, before: () => S, { key, windowMs = 0, now = Date.now() }: RecordOptions = {}): History<S> {
  if (key && history.lastKey === key && now - history.lastAt <= windowMs) return { ...history, lastAt: now };
  const past = [...history.past, before()];
  return { past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past, future: [], lastKey: key ?? null, lastAt: now };
}

/** The state to go back to and the history after it, or null when there is nothing to undo. */
export function undoStep<S>(history: History<S>, current: S): { history: History<S>; target: S } | null {
  const target = history.past[history.past.length - 1];
  if (target === undefined) return null;
  return { target, history: { past: history.past.slice(0, -1), future: [...history.future, current], lastKey: null, lastAt: 0 } };
}

export function redoStep<S>(history: History<S>, current: S): { history: History<S>; target: S } | null {
  const target = history.future[history.future.length - 1];
  if (target === undefined) return null;
  return { target, history: { past: [...history.past, current], future: history.future.slice(0, -1), lastKey: null, lastAt: 0 } };
}

/**
 * A snapshot back on the canvas: nodes that are still there keep their measured size and
 * selection, so React Flow neither re-measures 300 cards nor loses what the person selected.
 */
export function restoreNodes<N extends Node>(snapshot: readonly N[], current: readonly N[]): N[] {
  const byId = new Map(current.map((node) => [node.id, node]));
  return snapshot.map((node) => {
    const live = byId.get(node.id);
    if (!live || (!live.measured && !live.selected)) return node;
    const restored = { ...node, ...(live.measured && { measured: live.measured }), ...(live.selected && { selected: true }) };
    strippedNodes.set(restored, node);
    return restored;
  });
}

export function restoreEdges<E extends Edge>(snapshot: readonly E[], current: readonly E[]): E[] {
  const selected = new Set(current.filter((edge) => edge.selected).map((edge) => edge.id));
  return snapshot.map((edge) => {
    if (!selected.has(edge.id)) return edge;
    const restored = { ...edge, selected: true };
    strippedEdges.set(restored, edge);
    return restored;
  });
}
