import type { JsonObject, JsonValue } from './json';
import type { InboundMedia } from './messages';

/**
 * The ports a node reaches the world through. The engine and the server fill them in; the test
 * harness fills them with fakes that record every call. A port the host did not configure
 * throws a NodeConfigError that says what to set up.
 */

export type VariableScope = 'flow' | 'contact';

/** Flow variables live with one run of a flow; contact variables stay with the contact across conversations. */
export interface VariablesPort {
  get(name: string, scope?: VariableScope): JsonValue | undefined;
  set(name: string, value: JsonValue, scope?: VariableScope): void;
  all(scope?: VariableScope): Readonly<JsonObject>;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

export type HttpRequest = {
  method: HttpMethod;
  url: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** Objects are sent as JSON; strings as they are. */
  body?: unknown;
  /** Milliseconds; the host caps it. */
  timeoutMs?: number;
};

export type HttpResponse = {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the response is JSON, else the text. */
  body: unknown;
};

/** Outbound HTTP, guarded by the host (no private addresses, size and time limits). */
export interface HttpPort {
  request(request: HttpRequest): Promise<HttpResponse>;
}

export type LlmMessage = { role: 'system' | 'user' | 'assistant'; content: string };

export type LlmRequest = {
  /** A model the tenant's credential can use; the host picks its default when absent. */
  model?: string;
  system?: string;
  messages: LlmMessage[];
  temperature?: number;
  maxTokens?: number;
  /** JSON Schema the answer must match; the answer is then in `json`. */
  schema?: JsonObject;
};

export type LlmResponse = {
  text: string;
  json?: JsonValue;
  usage?: { inputTokens: number; outputTokens: number };
};

export interface LlmPort {
  generate(request: LlmRequest): Promise<LlmResponse>;
}

export type KnowledgeChunk = {
  id: string;
  text: string;
  score: number;
  source: { documentId: string; title: string; url?: string };
};

export interface KnowledgePort {
  search(request: { knowledgeBaseId: string; query: string; topK?: number }): Promise<{ chunks: KnowledgeChunk[] }>;
}

export type CrmContact = {
  id: string;
  name?: string;
  phone?: string;
  email?: string;
  tags: string[];
  fields: JsonObject;
};

export interface CrmPort {
  findContact(query: { phone?: string; email?: string }): Promise<CrmContact | null>;
  updateContact(contactId: string, patch: { name?: string; email?: string; fields?: JsonObject }): Promise<CrmContact>;
  addTags(contactId: string, tags: string[]): Promise<void>;
  removeTags(contactId: string, tags: string[]): Promise<void>;
}

export type CalendarSlot = { start: string; end: string };

export interface CalendarPort {
  availability(request: { calendarId: string; from: string; to: string; durationMin: number }): Promise<CalendarSlot[]>;
  book(request: { calendarId: string; start: string; end: string; title: string; attendee: { name?: string; phone?: string; email?: string } }): Promise<{ bookingId: string }>;
  cancel(request: { calendarId: string; bookingId: string }): Promise<void>;
}

/** A file the customer sent, as a link anyone holding it may download until `expiresAt`. */
export type ResolvedMedia = { url: string; mime?: string; fileName?: string; sizeBytes?: number; expiresAt?: string };

/**
 * Turns the provider's media id of an inbound file (a Cloud API media id, a Telegram file_id)
 * into a download link. Channels that deliver a plain URL need no call; the simulator has none.
 */
export interface MediaPort {
  resolve(media: InboundMedia): Promise<ResolvedMedia>;
}

/** Tenant secrets by name (API keys, shared secrets). Values must never be logged or output. */
export interface SecretsPort {
  get(name: string): Promise<string>;
}

export interface LogPort {
  debug(message: string, data?: JsonObject): void;
  info(message: string, data?: JsonObject): void;
  warn(message: string, data?: JsonObject): void;
  error(message: string, data?: JsonObject): void;
}

/** Everything a node can reach besides its config, grouped so hosts can pass them as one object. */
export type ServicePorts = {
  http: HttpPort;
  llm: LlmPort;
  knowledge: KnowledgePort;
  crm: CrmPort;
  calendar: CalendarPort;
  secrets: SecretsPort;
  media: MediaPort;
};
