import type {
  ContactInfo, ConversationInfo, HttpTriggerRequest, HttpTriggerResponse, InboundMessage, JsonObject, JsonValue, NodeErrorKind,
  OutboundMessage, ServicePorts, TriggerMatch, VariableChange,
} from '@fluxo/node-sdk';
import type { FlowSource } from '../ports';

/** What a conversation is waiting for, kept in its state between turns. */
export type WaitingState = {
  flowId: string;
  nodeId: string;
  for: 'input' | 'timer' | 'event';
  event?: string;
  /** The timer that ends the wait (a delay, or a question's timeout). */
  timerId?: string;
  /** ISO time the timer fires. */
  fireAt?: string;
  /** The node's own wait state. */
  state?: JsonObject;
};

export type CallFrame = { flowId: string; version: number | 'draft'; nodeId: string };

/** A conversation's position in its flows; plain JSON, stored in Postgres between turns. */
export type ConversationState = {
  schemaVersion: 1;
  status: 'idle' | 'waiting' | 'ended' | 'failed';
  /** The flow version the current run is pinned to. */
  flow?: { flowId: string; version: number | 'draft' };
  waiting?: WaitingState;
  vars: JsonObject;
  /** Outputs of the nodes that ran, by node id (`{{ nodes.<id>.* }}`). */
  nodes: Record<string, JsonObject>;
  /** What started the run (`{{ trigger.* }}`). */
  trigger?: JsonObject;
  /** Flows to return to, innermost last. */
  callStack: CallFrame[];
  /** Turns taken so far; timer ids and seeded randomness derive from it. */
  turns: number;
};

export type TurnEvent =
  | { type: 'message'; message: InboundMessage }
  | { type: 'timer'; timerId: string }
  | { type: 'event'; name: string; payload?: JsonValue }
  /**
   * A message a node sent was refused for good by the channel (outside WhatsApp's window, a blocked
   * bot): the run goes down that node's `error` port, if the conversation is still in that flow version.
   */
  | { type: 'delivery_failed'; flowId: string; version: number | 'draft'; nodeId: string; error: { code: string; message: string } }
  /** An HTTP trigger the host matched (see Engine.matchHttpTrigger). */
  | { type: 'http'; request: HttpTriggerRequest; flowId: string; version: number | 'draft'; nodeId: string; match: TriggerMatch };

export type TurnInput = {
  state: ConversationState | null;
  event: TurnEvent;
  contact: ContactInfo;
  conversation: ConversationInfo;
  /** The tenant's IANA time zone (defaults to the engine's). */
  timeZone?: string;
  /** The flows this turn sees, instead of the engine's own source (one engine, many tenants). */
  flows?: FlowSource;
  /** Ports for this turn only, over the engine's own (a media port bound to the conversation's channel). */
  services?: Partial<ServicePorts>;
  /** A published flow to start when a message matches no trigger (the tenant's catch-all). */
  fallbackFlowId?: string;
};

export type TimerEffect =
  | { action: 'schedule'; timerId: string; fireAt: string; nodeId: string }
  | { action: 'cancel'; timerId: string };

export type TraceStep = {
  flowId: string;
  nodeId: string;
  type: string;
  typeVersion: number;
  /** Epoch ms. */
  startedAt: number;
  durationMs: number;
  /** How the step ended; `error` also when the node's error port took over. */
  action: 'next' | 'wait' | 'end' | 'jump' | 'error';
  port?: string;
  resumed?: boolean;
  varChanges: VariableChange[];
  error?: { kind: NodeErrorKind; code: string; message: string };
};

/** The node whose `send` produced an outbound message (null: the engine's own fallback text). */
export type OutboundOrigin = { flowId: string; version: number | 'draft'; nodeId: string };

export type TurnStatus = 'waiting' | 'ended' | 'failed' | 'no_match' | 'ignored';

export type TurnResult = {
  status: TurnStatus;
  state: ConversationState;
  outbound: OutboundMessage[];
  /** Where each of `outbound` came from, index for index. */
  outboundOrigins?: Array<OutboundOrigin | null>;
  trace: TraceStep[];
  timers: TimerEffect[];
  /** The contact's fields after the turn, when a node changed them. */
  contactFields?: JsonObject;
  httpResponse?: HttpTriggerResponse;
  /** Why the turn failed, when it did. */
  error?: { nodeId?: string; kind: NodeErrorKind; code: string; message: string };
};
