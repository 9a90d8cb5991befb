/**
 * The flow graph comes from the engine; the node catalog mirrors the server's view
 * (server/src/modules/node-types/node-type-view.ts).
 */

import type { JsonObject } from '@fluxo/node-sdk';

export type { JsonObject, JsonValue } from '@fluxo/node-sdk';

/** The flow graph is the engine's own type (type-only import: no engine code reaches the bundle). */
export type { FlowEdge as GraphEdge, FlowGraph, FlowNode as GraphNode } from '@fluxo/engine';

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

/** A validation problem of the draft, as the save response lists it (the engine's own type). */
export type { GraphProblem as FlowProblem } from '@fluxo/engine';
