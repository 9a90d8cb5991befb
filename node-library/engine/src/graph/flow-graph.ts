import { z } from 'zod';
import type { JsonObject, JsonValue } from '@fluxo/node-sdk';

/**
 * A flow is JSON that React Flow renders as it is: nodes pin `type@typeVersion`, edges leave a
 * node through a named port (React Flow's sourceHandle) and enter the target's single input.
 */
export type FlowNode = {
  id: string;
  type: string;
  typeVersion: number;
  position: { x: number; y: number };
  config: JsonObject;
  /** The title the tenant gave this node on the canvas. */
  label?: string;
};

export type FlowEdge = { id: string; source: string; sourcePort: string; target: string };

export type VariableType = 'string' | 'number' | 'boolean' | 'json';

export type FlowVariable = {
  name: string;
  type: VariableType;
  default?: JsonValue;
  scope?: 'flow' | 'contact';
};

export type FlowSettings = {
  /** Sent when a node fails and its error port is not connected. */
  fallbackMessage?: string;
};

export type FlowGraph = {
  schemaVersion: 1;
  nodes: FlowNode[];
  edges: FlowEdge[];
  variables: FlowVariable[];
  settings?: FlowSettings;
};

const id = z.string().min(1).max(100);
const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

/** The structure of a flow graph (what import and save accept); node configs are checked by validation. */
export const flowGraphSchema = z.object({
  schemaVersion: z.literal(1),
  nodes: z
    .array(
      z.object({
        id,
        type: z.string().min(1).max(200),
        typeVersion: z.number().int().min(1),
        position: z.object({ x: z.number(), y: z.number() }),
        config: z.record(z.string(), jsonValue).default({}),
        label: z.string().max(200).optional(),
      }),
    )
    .max(2_000),
  edges: z.array(z.object({ id, source: id, sourcePort: z.string().min(1).max(200), target: id })).max(10_000),
  variables: z
    .array(
      z.object({
        name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'Variable names use letters, digits and _ and do not start with a digit.'),
        type: z.enum(['string', 'number', 'boolean', 'json']),
        default: jsonValue.optional(),
        scope: z.enum(['flow', 'contact']).optional(),
      }),
    )
    .max(500)
    .default([]),
  settings: z.object({ fallbackMessage: z.string().max(4_096).optional() }).optional(),
}) satisfies z.ZodType<FlowGraph, unknown>;

/** A graph with nothing in it, for new flows. */
export function emptyGraph(): FlowGraph {
  return { schemaVersion: 1, nodes: [], edges: [], variables: [] };
}
