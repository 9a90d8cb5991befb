import type { OutboundMessage } from '@fluxo/node-sdk';
import type { FlowGraph } from './graph/flow-graph';
import type { ConversationState, TimerEffect } from './runtime/turn-types';

/**
 * The engine's ports. `runTurn` only needs a clock and a flow source; the stores, outbox and
 * scheduler are what a host (the server, or the in-memory runtime) uses around each turn.
 */

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** A monotonic millisecond counter for durations, when the host has one. */
  monotonic?(): number;
}

export type FlowVersionRef = { flowId: string; version: number | 'draft' };

export type FlowVersion = FlowVersionRef & {
  name?: string;
  /** Keep the same object for the same version: the engine caches compiled flows by it. */
  graph: FlowGraph;
};

export interface FlowSource {
  /** A given version, or the flow's current published version when `version` is absent. */
  getFlow(flowId: string, version?: number | 'draft'): FlowVersion | null | Promise<FlowVersion | null>;
  /** The versions whose triggers may start a run, in the tenant's order. */
  triggerFlows(): FlowVersion[] | Promise<FlowVersion[]>;
}

export interface StateStore {
  load(conversationId: string): Promise<ConversationState | null>;
  save(conversationId: string, state: ConversationState): Promise<void>;
}

export interface Outbox {
  enqueue(conversationId: string, messages: OutboundMessage[]): Promise<void>;
}

export interface Scheduler {
  apply(conversationId: string, timers: TimerEffect[]): Promise<void>;
}
