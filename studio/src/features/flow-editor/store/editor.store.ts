import { addEdge, applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import type { Connection, Edge, EdgeChange, Node, NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import { defaultConfigFromSchema } from '../lib/defaultConfig';
import { emptyHistory, recordStep, redoStep, restoreEdges, restoreNodes, snapshotOf, undoStep } from '../lib/history';
import type { GraphSnapshot, History } from '../lib/history';
import { newEdgeId, newNodeId } from '../lib/nodeIds';
import type { FlowGraph, FlowNodeData, NodeTypeView } from '../types';

/** The one node component type registered with React Flow (see FlowNodeCard). */
export const FLOW_NODE = 'fluxo';

export type EditorNode = Node<FlowNodeData, typeof FLOW_NODE>;
export type EditorEdge = Edge;

type Rest = Omit<FlowGraph, 'nodes' | 'edges'>;
type Snapshot = GraphSnapshot<EditorNode, EditorEdge, Rest>;

/** Typing in the inspector within this long of the last keystroke on the same node is one undo step. */
export const COALESCE_MS = 1000;
/** React Flow removes a node and its edges in two calls: one Delete is one step. */
const SAME_GESTURE_MS = 100;

type EditorState = {
  nodes: EditorNode[];
  edges: EditorEdge[];
  /** The graph's other parts (schema version, variables, settings), saved back untouched. */
  rest: Rest;
  /**
   * Bumped by every change that alters the saved graph (not by selection or measuring), so that
   * autosave can listen to one number. `load` leaves it alone: a loaded graph is not a change.
   */
  changeCount: number;
  /** Graph snapshots before each change; `load` starts a new one. */
  history: History<Snapshot>;
  canUndo: boolean;
  canRedo: boolean;
  /** A node drag is in progress (its first move was recorded; the next moves are not). */
  dragging: boolean;
  load(graph: Partial<FlowGraph> | null | undefined): void;
  onNodesChange(changes: NodeChange<EditorNode>[]): void;
  onEdgesChange(changes: EdgeChange<EditorEdge>[]): void;
  /** One edge per source port: connecting a port again replaces its edge. */
  connect(connection: Connection): void;
  /** A node of this type with the defaults its schema declares; returns its id. */
  addNode(view: NodeTypeView, position: { x: number; y: number }): string;
  /** Replaces a node's config (the inspector's edits); ports follow on the next render. */
  updateNodeConfig(id: string, config: FlowNodeData['config']): void;
  /** A name the tenant gives the node on the canvas; empty removes it. */
  updateNodeLabel(id: string, label: string): void;
  /** Selects this node alone (a problem or trace step was clicked); `null` clears the selection. */
  selectOnly(id: string | null): void;
  selectAll(): void;
  /** Adds pasted or duplicated nodes (with their edges) as one step; they become the selection. */
  insertNodes(nodes: EditorNode[], edges: EditorEdge[]): void;
  /** Deletes the selected nodes, their edges and the selected edges, as one step. */
  removeSelected(): void;
  /** Moves nodes to new places (auto-layout), as one step. */
  moveNodes(positions: ReadonlyMap<string, { x: number; y: number }>): void;
  undo(): void;
  redo(): void;
};

type StepOptions = { key?: string; windowMs?: number };

/** The history fields after remembering `state` as it is before a change. */
function step(state: EditorState, options: StepOptions = {}): Pick<EditorState, 'history' | 'canUndo' | 'canRedo'> {
  const history = recordStep(state.history, () => snapshotOf(state), { ...options, now: Date.now() });
  return { history, canUndo: history.past.length > 0, canRedo: false };
}

/**
 * Which undo step a batch of node changes makes. A drag is one step, taken at its first move (the
 * later moves and the drop add none); arrow-key nudges in a row merge; a Delete merges with the
 * edge removals React Flow sends with it.
 */
function nodeChangeStep(state: EditorState, edits: NodeChange<EditorNode>[]): Partial<EditorState> {
  if (edits.length === 0) return {};
  if (edits.every((change) => change.type === 'position')) {
    const dragging = edits.some((change) => change.type === 'position' && change.dragging);
    if (dragging) return state.dragging ? {} : { ...step(state), dragging: true };
    if (state.dragging) return { dragging: false };
    return step(state, { key: 'move', windowMs: COALESCE_MS });
  }
  if (edits.every((change) => change.type === 'remove')) return step(state, { key: 'remove', windowMs: SAME_GESTURE_MS });
  return step(state);
}

/**
 * The open flow's canvas state, in React Flow's shapes. A module store because one editor is open
 * at a time; `load` replaces everything when a flow opens (or is reloaded after a conflict).
 */
export const useEditorStore = create<EditorState>()((set, get) => ({
  nodes: [],
  edges: [],
  rest: { schemaVersion: 1, variables: [] },
  changeCount: 0,
  history: emptyHistory(),
  canUndo: false,
  canRedo: false,
  dragging: false,

  load(graph) {
    set({ ...fromGraph(graph), history: emptyHistory(), canUndo: false, canRedo: false, dragging: false });
  },

  onNodesChange(changes) {
    const edits = changes.filter((change) => change.type !== 'select' && change.type !== 'dimensions');
    set((state) => {
      const nodes = applyNodeChanges(changes, state.nodes);
      // A removed node takes its edges with it (React Flow also sends edge removals, but only for
      // the deletions it started itself).
      let edges = state.edges;
      if (edits.some((change) => change.type === 'remove')) {
        const ids = new Set(nodes.map((node) => node.id));
        edges = edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
      }
      return { ...nodeChangeStep(state, edits), nodes, edges, changeCount: state.changeCount + (edits.length > 0 ? 1 : 0) };
    });
  },

  onEdgesChange(changes) {
    const edits = changes.filter((change) => change.type !== 'select');
    set((state) => {
      const history = edits.length === 0 ? {} : step(state, edits.every((change) => change.type === 'remove') ? { key: 'remove', windowMs: SAME_GESTURE_MS } : {});
      return { ...history, edges: applyEdgeChanges(changes, state.edges), changeCount: state.changeCount + (edits.length > 0 ? 1 : 0) };
    });
  },

  connect(connection) {
    const port = connection.sourceHandle ?? 'out';
    set((state) => {
      const others = state.edges.filter((edge) => !(edge.source === connection.source && (edge.sourceHandle ?? 'out') === port));
      const id = newEdgeId(connection.source, port, connection.target, new Set(others.map((edge) => edge.id)));
      return {
        ...step(state),
        edges: addEdge({ id, source: connection.source, sourceHandle: port, target: connection.target, targetHandle: null }, others),
        changeCount: state.changeCount + 1,
      };
    });
  },

  addNode(view, position) {
    const id = newNodeId(view.type, new Set(get().nodes.map((node) => node.id)));
    const node: EditorNode = {
      id,
      type: FLOW_NODE,
      position,
      data: { type: view.type, typeVersion: view.version, config: defaultConfigFromSchema(view.configSchema) },
    };
    set((state) => ({ ...step(state), nodes: [...state.nodes, node], changeCount: state.changeCount + 1 }));
    return id;
  },

  updateNodeConfig(id, config) {
    set((state) => ({
      ...step(state, { key: `config:${id}`, windowMs: COALESCE_MS }),
      nodes: state.nodes.map((node) => (node.id === id ? { ...node, data: { ...node.data, config } } : node)),
      changeCount: state.changeCount + 1,
    }));
  },

  updateNodeLabel(id, label) {
    const trimmed = label.trim();
    set((state) => ({
      ...step(state, { key: `label:${id}`, windowMs: COALESCE_MS }),
      nodes: state.nodes.map((node) => {
        if (node.id !== id) return node;
        const { label: _old, ...data } = node.data;
        return { ...node, data: trimmed ? { ...data, label: trimmed } : data };
      }),
      changeCount: state.changeCount + 1,
    }));
  },

  selectOnly(id) {
    set((state) => ({
      nodes: state.nodes.map((node) => (Boolean(node.selected) === (node.id === id) ? node : { ...node, selected: node.id === id })),
      edges: state.edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)),
    }));
  },

  selectAll() {
    set((state) => ({ nodes: state.nodes.map((node) => (node.selected ? node : { ...node, selected: true })) }));
  },

  insertNodes(nodes, edges) {
    if (nodes.length === 0) return;
    set((state) => ({
      ...step(state),
      nodes: [...state.nodes.map((node) => (node.selected ? { ...node, selected: false } : node)), ...nodes.map((node) => ({ ...node, selected: true }))],
      edges: [...state.edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)), ...edges],
      changeCount: state.changeCount + 1,
    }));
  },

  removeSelected() {
    const { nodes, edges } = get();
    const gone = new Set(nodes.filter((node) => node.selected).map((node) => node.id));
    const keep = (edge: EditorEdge) => !edge.selected && !gone.has(edge.source) && !gone.has(edge.target);
    if (gone.size === 0 && edges.every(keep)) return;
    set((state) => ({
      ...step(state),
      nodes: state.nodes.filter((node) => !gone.has(node.id)),
      edges: state.edges.filter(keep),
      changeCount: state.changeCount + 1,
    }));
  },

  moveNodes(positions) {
    set((state) => ({
      ...step(state),
      nodes: state.nodes.map((node) => {
        const position = positions.get(node.id);
        return position ? { ...node, position } : node;
      }),
      changeCount: state.changeCount + 1,
    }));
  },

  undo() {
    set((state) => travel(state, undoStep(state.history, snapshotOf(state))));
  },

  redo() {
    set((state) => travel(state, redoStep(state.history, snapshotOf(state))));
  },
}));

/** The canvas at an earlier (or later) step; counted as a change so that autosave saves it. */
function travel(state: EditorState, moved: { history: History<Snapshot>; target: Snapshot } | null): Partial<EditorState> {
  if (!moved) return {};
  return {
    nodes: restoreNodes(moved.target.nodes, state.nodes),
    edges: restoreEdges(moved.target.edges, state.edges),
    rest: moved.target.rest,
    history: moved.history,
    canUndo: moved.history.past.length > 0,
    canRedo: moved.history.future.length > 0,
    dragging: false,
    changeCount: state.changeCount + 1,
  };
}

/** `graph` as the server sent it; a missing or partial one opens as an empty canvas. */
export function fromGraph(graph: Partial<FlowGraph> | null | undefined): Pick<EditorState, 'nodes' | 'edges' | 'rest'> {
  const { nodes = [], edges = [], ...rest } = graph ?? {};
  return {
    rest: { schemaVersion: 1, variables: [], ...rest },
    nodes: nodes.map((node) => ({
      id: node.id,
      type: FLOW_NODE,
      position: { ...node.position },
      data: { type: node.type, typeVersion: node.typeVersion, config: node.config ?? {}, ...(node.label !== undefined && { label: node.label }) },
    })),
    edges: edges.map((edge) => ({ id: edge.id, source: edge.source, sourceHandle: edge.sourcePort, target: edge.target })),
  };
}

/** The graph to save, from the canvas state. */
export function toGraph(state: Pick<EditorState, 'nodes' | 'edges' | 'rest'>): FlowGraph {
  return {
    ...state.rest,
    nodes: state.nodes.map(({ id, position, data }) => ({
      id,
      type: data.type,
      typeVersion: data.typeVersion,
      position: { x: Math.round(position.x), y: Math.round(position.y) },
      config: data.config,
      ...(data.label !== undefined && { label: data.label }),
    })),
    edges: state.edges.map((edge) => ({ id: edge.id, source: edge.source, sourcePort: edge.sourceHandle ?? 'out', target: edge.target })),
  };
}
