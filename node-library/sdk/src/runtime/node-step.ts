import type { ContactInfo, ConversationInfo, NodeContext, ResumeEvent } from '../context';
import type { AnyNodeDefinition, PortDef } from '../define-node';
import { InternalNodeError } from '../errors';
import type { JsonObject } from '../json';
import type { HttpTriggerResponse, InboundMessage, OutboundMessage } from '../messages';
import type { LogPort, ServicePorts } from '../ports';
import type { NodeResult } from '../results';
import { renderConfig } from '../templates/render-config';
import type { TemplateRenderer } from '../templates/template-renderer';
import { checkNodeResult } from './check-result';
import type { VariableStore } from './variables';

/** Everything one node step needs from its host (the engine, or the test harness). */
export type StepEnvironment = {
  node: { id: string; type: string; version: number };
  vars: VariableStore;
  contact: ContactInfo;
  conversation: ConversationInfo;
  message: InboundMessage | undefined;
  waitState: JsonObject | undefined;
  timeZone: string;
  services: ServicePorts;
  log: LogPort;
  renderer: TemplateRenderer;
  /** The template scope, built on demand (most steps render nothing). */
  scope(): Record<string, unknown>;
  now(): Date;
  /** The same instant as `now()` in epoch ms, when the host has it (saves a Date per step). */
  nowMs?: number;
  random(): number;
  send(message: OutboundMessage): void;
  respondHttp(response: HttpTriggerResponse): void;
};

export type StepInput = {
  def: AnyNodeDefinition;
  /** Parsed config, before templates are rendered. */
  config: unknown;
  /** False skips rendering (the engine knows at compile time). */
  hasTemplates: boolean;
  ports: PortDef[];
  /** Set when the node resumes from a wait. */
  event?: ResumeEvent;
};

export type StepOutcome = { result: NodeResult; config: unknown };

/**
 * Runs one node: renders its config, calls `execute` (or `resume`) with a fresh context and
 * checks what it returned. Throws whatever the node threw, or an InternalNodeError for a
 * result the engine cannot follow. Most nodes are synchronous; their outcome comes back
 * synchronously too, because a promise per step is a measurable share of a turn.
 */
export function runNodeStep(input: StepInput, env: StepEnvironment): StepOutcome | Promise<StepOutcome> {
  const { def } = input;
  const nowMs = env.nowMs ?? env.now().getTime();
  const config = input.hasTemplates
    ? renderConfig(input.config, env.renderer, env.scope(), { nowMs, rawKeys: def.rawConfigKeys as string[] | undefined })
    : input.config;
  const ctx = createContext(config, env, nowMs);
  let result: unknown;
  if (input.event) {
    if (!def.resume) throw new InternalNodeError(`${def.key} was resumed, but it never waits (it has no resume).`, 'CANNOT_RESUME');
    result = def.resume(ctx, input.event);
  } else {
    result = def.execute(ctx);
  }
  if (isPromiseLike(result)) return Promise.resolve(result).then((settled) => ({ result: checkNodeResult(def.key, settled, input.ports), config }));
  return { result: checkNodeResult(def.key, result, input.ports), config };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

function createContext(config: unknown, env: StepEnvironment, nowMs: number): NodeContext<unknown> {
  return {
    node: env.node,
    config,
    vars: env.vars,
    contact: env.contact,
    conversation: env.conversation,
    message: env.message,
    waitState: env.waitState,
    timeZone: env.timeZone,
    log: env.log,
    http: env.services.http,
    llm: env.services.llm,
    knowledge: env.services.knowledge,
    crm: env.services.crm,
    calendar: env.services.calendar,
    secrets: env.services.secrets,
    media: env.services.media,
    send: env.send,
    respondHttp: env.respondHttp,
    render: (template, extra) => env.renderer.render(template, extra ? { ...env.scope(), ...extra } : env.scope(), { nowMs }),
    now: env.now,
    random: env.random,
  };
}
