import type { JsonObject, JsonValue } from './json';
import type { HttpTriggerResponse, InboundMessage, OutboundMessage } from './messages';
import type { LogPort, ServicePorts, VariablesPort } from './ports';

export type ContactInfo = {
  id: string;
  name?: string;
  /** E.164 digits without '+', canonical Brazilian form. */
  phone?: string;
  /** True while the host has no earlier message from this contact. */
  isNew: boolean;
  /** Contact-scope variables (custom fields), persisted across conversations. */
  fields: JsonObject;
};

export type ConversationInfo = {
  id: string;
  /** Channel type (`whatsapp_cloud`, `telegram`, `simulator`...). */
  channel: string;
};

/** What woke a waiting node. */
export type ResumeEvent =
  | { type: 'input'; message: InboundMessage }
  | { type: 'timer'; timerId: string }
  | { type: 'event'; name: string; payload?: JsonValue };

/** Everything a node gets when it runs; `C` is its parsed, template-rendered config. */
export interface NodeContext<C> {
  readonly node: { id: string; type: string; version: number };
  readonly config: C;
  readonly vars: VariablesPort;
  readonly contact: Readonly<ContactInfo>;
  readonly conversation: Readonly<ConversationInfo>;
  /** The inbound message of this turn, if a message started it. */
  readonly message: InboundMessage | undefined;
  /** What the node stored when it asked to wait; set in `resume`. */
  readonly waitState: JsonObject | undefined;
  /** IANA time zone of the tenant (for dates the customer reads). */
  readonly timeZone: string;
  readonly log: LogPort;
  readonly http: ServicePorts['http'];
  readonly llm: ServicePorts['llm'];
  readonly knowledge: ServicePorts['knowledge'];
  readonly crm: ServicePorts['crm'];
  readonly calendar: ServicePorts['calendar'];
  readonly secrets: ServicePorts['secrets'];
  /** Download links for files the customer sent (see MediaPort). */
  readonly media: ServicePorts['media'];
  /** Queue a message to the customer; it is delivered after the turn commits. */
  send(message: OutboundMessage): void;
  /** Answer the HTTP request that started this turn (HTTP trigger flows). */
  respondHttp(response: HttpTriggerResponse): void;
  /** Render a template with the same scope config templates see, plus `extra`. */
  render(template: string, extra?: Record<string, unknown>): string;
  now(): Date;
  /** A number in [0, 1); seeded in tests. */
  random(): number;
}
