/**
 * Mirrors of the server's views: the flow graph (node-library/engine flow-graph.ts) and the node
 * catalog (server/src/modules/node-types/node-type-view.ts).
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type GraphNode = {
  id: string;
  type: string;
  typeVersion: number;
  position: { x: number; y: number };
  config: JsonObject;
  label?: string;
};

export type GraphEdge = { id: string; source: string; sourcePort: string; target: string };

/** A saved graph. Parts the editor does not touch yet (variables, settings) go back as they came. */
export type FlowGraph = {
  schemaVersion: 1;
  nodes: GraphNode[];
  edges: GraphEdge[];
  variables: unknown[];
  settings?: Record<string, unknown>;
};

export type NodeCategory = 'triggers' | 'messages' | 'logic' | 'ai' | 'knowledge' | 'tools' | 'people' | 'custom';

/** An output handle on the canvas. */
export type PortDef = { id: string; label: string; required?: boolean };

/** One entry of `GET /api/node-types`. */
export type NodeTypeView = {
  type: string;
  version: number;
  /** False for an older version kept so that flows pinned to it still open (not offered in the palette). */
  latest: boolean;
  title: string;
  description: string;
  category: NodeCategory;
  /** A lucide icon name. */
  icon: string;
  trigger: boolean;
  /** JSON Schema (draft 2020-12) of the config, UI hints under `x-fluxo`. */
  configSchema: JsonObject;
  defaultConfig: JsonObject;
  /** Static ports, or those the default config gives when `portsDependOnConfig`. */
  ports: PortDef[];
  portsDependOnConfig: boolean;
  errorPort: boolean;
  credentials: unknown[];
};

/** What a node carries on the canvas: serialisable, no callbacks. */
export type FlowNodeData = {
  type: string;
  typeVersion: number;
  config: JsonObject;
  label?: string;
};

/** A validation problem of the draft, as the save response lists it. */
export type FlowProblem = { nodeId?: string; edgeId?: string; message: string; code?: string };
