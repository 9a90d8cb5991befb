import { addEdge, applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import type { Connection, Edge, EdgeChange, Node, NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import { defaultConfigFromSchema } from '../lib/defaultConfig';
import { newEdgeId, newNodeId } from '../lib/nodeIds';
import type { FlowGraph, FlowNodeData, NodeTypeView } from '../types';

/** The one node component type registered with React Flow (see FlowNodeCard). */
export const FLOW_NODE = 'fluxo';

export type EditorNode = Node<FlowNodeData, typeof FLOW_NODE>;
export type EditorEdge = Edge;

type EditorState = {
  nodes: EditorNode[];
  edges: EditorEdge[];
  /** The graph's other parts (schema version, variables, settings), saved back untouched. */
  rest: Omit<FlowGraph, 'nodes' | 'edges'>;
  /**
   * Bumped by every change that alters the saved graph (not by selection or measuring), so that
   * autosave can listen to one number. `load` leaves it alone: a loaded graph is not a change.
   */
  changeCount: number;
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
};

/**
 * The open flow's canvas state, in React Flow's shapes. A module store because one editor is open
 * at a time; `load` replaces everything when a flow opens (or is reloaded after a conflict).
 */
export const useEditorStore = create<EditorState>()((set, get) => ({
  nodes: [],
  edges: [],
  rest: { schemaVersion: 1, variables: [] },
  changeCount: 0,

  load(graph) {
    set({ ...fromGraph(graph) });
  },

  onNodesChange(changes) {
    const edits = changes.some((change) => change.type !== 'select' && change.type !== 'dimensions');
    set((state) => {
      const nodes = applyNodeChanges(changes, state.nodes);
      // A removed node takes its edges with it (React Flow also sends edge removals, but only for
      // the deletions it started itself).
      const ids = new Set(nodes.map((node) => node.id));
      const edges = state.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
      return { nodes, edges, changeCount: state.changeCount + (edits ? 1 : 0) };
    });
  },

  onEdgesChange(changes) {
    const edits = changes.some((change) => change.type !== 'select');
    set((state) => ({ edges: applyEdgeChanges(changes, state.edges), changeCount: state.changeCount + (edits ? 1 : 0) }));
  },

  connect(connection) {
    const port = connection.sourceHandle ?? 'out';
    set((state) => {
      const others = state.edges.filter((edge) => !(edge.source === connection.source && (edge.sourceHandle ?? 'out') === port));
      const id = newEdgeId(connection.source, port, connection.target, new Set(others.map((edge) => edge.id)));
      return {
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
    set((state) => ({ nodes: [...state.nodes, node], changeCount: state.changeCount + 1 }));
    return id;
  },

  updateNodeConfig(id, config) {
    set((state) => ({
      nodes: state.nodes.map((node) => (node.id === id ? { ...node, data: { ...node.data, config } } : node)),
      changeCount: state.changeCount + 1,
    }));
  },

  updateNodeLabel(id, label) {
    const trimmed = label.trim();
    set((state) => ({
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
}));

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
