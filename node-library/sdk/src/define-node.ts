import { z } from 'zod';
import type { ContactInfo, NodeContext, ResumeEvent } from './context';
import type { JsonObject } from './json';
import type { InboundMessage } from './messages';
import type { SecretsPort } from './ports';
import type { NodeResult } from './results';

export type NodeCategory = 'triggers' | 'messages' | 'logic' | 'ai' | 'knowledge' | 'tools' | 'people' | 'custom';

/** An output handle on the canvas. */
export type PortDef = {
  id: string;
  label: string;
  /** Publishing fails while a required port is unconnected. */
  required?: boolean;
};

/** The port a node takes when it throws, if the flow connects it. */
export const ERROR_PORT: PortDef = { id: 'error', label: 'Error' };

export type CredentialField = { name: string; label: string; secret: boolean; help?: string };

/** A credential a node needs, declared once per vendor; the host stores its values encrypted. */
export type CredentialDef = {
  name: string;
  title: string;
  fields: CredentialField[];
};

/** How an inbound message is offered to message triggers. */
export type MessageTriggerInput<C> = {
  config: C;
  message: InboundMessage;
  contact: ContactInfo;
};

/** How an HTTP call to `/hooks/:tenant/:path` is offered to HTTP triggers. */
export type HttpTriggerRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
};

export type HttpTriggerInput<C> = {
  config: C;
  request: HttpTriggerRequest;
  secrets: SecretsPort;
  /** Renders a template against `{ body, query, headers, method, path }`. */
  render(template: string, scope: Record<string, unknown>): string;
};

/**
 * A trigger's answer. Among all matching triggers of a tenant the highest `priority` wins, then
 * the highest `specificity` (a keyword beats "any message").
 */
export type TriggerMatch = {
  priority: number;
  specificity: number;
  /** Becomes the trigger node's outputs and `{{ trigger.* }}`. */
  outputs?: JsonObject;
  /** HTTP triggers: which conversation the call belongs to. */
  conversationKey?: string;
};

export type TriggerSpec<C> =
  | { on: 'message'; match(input: MessageTriggerInput<C>): TriggerMatch | null }
  | { on: 'http'; match(input: HttpTriggerInput<C>): Promise<TriggerMatch | 'unauthorized' | null> };

/** A pure rewrite of an older version's config into this version's. */
export type ConfigUpgrade = { fromVersion: number; upgrade(oldConfig: unknown): unknown };

export type ConfigSchema = z.ZodObject;

export type NodeDefinitionInput<S extends ConfigSchema> = {
  /** Namespaced: `fluxo.askQuestion`, `acme.cepLookup`. */
  type: string;
  /** Integer, from 1. A breaking change is a new version with an `upgrade`. */
  version: number;
  title: string;
  description: string;
  category: NodeCategory;
  /** An icon name (lucide), never a component. */
  icon: string;
  config: S;
  /** Output ports, static or derived from config (one per button, switch case...). */
  outputs: PortDef[] | ((config: z.output<S>) => PortDef[]);
  /** Adds the `error` port a failure can follow. */
  errorPort?: boolean;
  credentials?: CredentialDef[];
  /** Top-level config keys left as written (not template-rendered) before `execute`. */
  rawConfigKeys?: Array<keyof z.output<S> & string>;
  trigger?: TriggerSpec<z.output<S>>;
  upgrade?: ConfigUpgrade;
  execute(ctx: NodeContext<z.output<S>>): NodeResult | Promise<NodeResult>;
  resume?(ctx: NodeContext<z.output<S>>, event: ResumeEvent): NodeResult | Promise<NodeResult>;
};

export type NodeDefinition<S extends ConfigSchema = ConfigSchema> = Readonly<NodeDefinitionInput<S>> & {
  /** `type@version`, the registry key. */
  readonly key: string;
};

/** Any node definition, whatever its config type (for registries and lists). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNodeDefinition = NodeDefinition<any>;

const TYPE_PATTERN = /^[a-z][a-z0-9-]*\.[a-z][a-zA-Z0-9]*$/;
const PORT_PATTERN = /^[A-Za-z0-9_:.-]{1,200}$/;

/**
 * Declares a node. Checks the declaration itself (a namespaced type, an integer version, a
 * config object schema) so that a mistake fails when the module loads, not when a flow runs.
 */
export function defineNode<S extends ConfigSchema>(input: NodeDefinitionInput<S>): NodeDefinition<S> {
  if (!TYPE_PATTERN.test(input.type)) {
    throw new Error(`Node type "${input.type}" must be namespaced like "acme.cepLookup" (lowercase namespace, a dot, camelCase name).`);
  }
  if (!Number.isInteger(input.version) || input.version < 1) {
    throw new Error(`Node ${input.type}: version must be an integer from 1, got ${input.version}.`);
  }
  if (!(input.config instanceof z.ZodObject)) {
    throw new Error(`Node ${input.type}: config must be a zod object schema.`);
  }
  if (input.upgrade && input.upgrade.fromVersion >= input.version) {
    throw new Error(`Node ${input.type}@${input.version}: upgrade.fromVersion must be lower than version.`);
  }
  if (Array.isArray(input.outputs)) assertPorts(input.type, input.outputs);
  return Object.freeze({ ...input, key: `${input.type}@${input.version}` });
}

/** The node's output ports for a given (parsed) config, `error` included when declared. */
export function resolvePorts<S extends ConfigSchema>(def: NodeDefinition<S>, config: z.output<S>): PortDef[] {
  const ports = typeof def.outputs === 'function' ? def.outputs(config) : def.outputs;
  return def.errorPort ? [...ports, ERROR_PORT] : ports;
}

function assertPorts(type: string, ports: PortDef[]): void {
  const seen = new Set<string>();
  for (const port of ports) {
    if (!PORT_PATTERN.test(port.id)) throw new Error(`Node ${type}: port id "${port.id}" must be 1-200 letters, digits or _:.-`);
    if (seen.has(port.id)) throw new Error(`Node ${type}: port "${port.id}" is declared twice.`);
    seen.add(port.id);
  }
}

const jsonSchemaCache = new WeakMap<object, JsonObject>();

/** The config schema as JSON Schema (draft 2020-12) with UI hints, for the studio's forms. */
export function configJsonSchema(def: AnyNodeDefinition): JsonObject {
  let schema = jsonSchemaCache.get(def);
  if (!schema) {
    schema = z.toJSONSchema(def.config, { io: 'input', unrepresentable: 'any' }) as JsonObject;
    jsonSchemaCache.set(def, schema);
  }
  return schema;
}

/** Whether a node is a trigger (starts flows, has no input handle). */
export function isTrigger(def: AnyNodeDefinition): boolean {
  return def.trigger !== undefined;
}
