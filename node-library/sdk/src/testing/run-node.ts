import type { z } from 'zod';
import type { ContactInfo, ConversationInfo, ResumeEvent } from '../context';
import type { ConfigSchema, NodeDefinition } from '../define-node';
import { resolvePorts } from '../define-node';
import { NodeConfigError, toNodeError } from '../errors';
import type { NodeError } from '../errors';
import { cloneJson } from '../json';
import type { JsonObject } from '../json';
import type { HttpTriggerResponse, InboundMessage, OutboundMessage } from '../messages';
import type { HttpRequest, LlmRequest } from '../ports';
import type { NodeResult, WaitResult } from '../results';
import { containsTemplates } from '../templates/render-config';
import { createTemplateRenderer } from '../templates/template-renderer';
import { runNodeStep } from '../runtime/node-step';
import { describeIssues, parseNodeConfig } from '../runtime/parse-config';
import { buildTemplateScope } from '../runtime/template-scope';
import { VariableStore } from '../runtime/variables';
import type { VariableChange } from '../runtime/variables';
import { fakeHttp, fakeLlm, fakeSecrets, partialFake, recordingLog } from './fake-ports';
import type { FakeServices, LogEntry, Recorder } from './fake-ports';

export type RunNodeOptions<S extends ConfigSchema> = FakeServices & {
  /** The config as stored in the flow (templates are rendered, as the engine does). */
  config: z.input<S>;
  vars?: JsonObject;
  contact?: Partial<ContactInfo>;
  conversation?: Partial<ConversationInfo>;
  /** The inbound message of the turn; a string is a text message. */
  message?: InboundMessage | string;
  trigger?: JsonObject;
  /** Outputs of earlier nodes, by node id. */
  nodes?: Record<string, JsonObject>;
  /** Fixed clock (default 2026-05-13T12:00:00Z). */
  now?: Date | string;
  timeZone?: string;
  /** Values `ctx.random()` returns in turn (default 0.5). */
  random?: number[];
  nodeId?: string;
};

export type ResumeNodeOptions<S extends ConfigSchema> = RunNodeOptions<S> & {
  /** What the node stored when it waited. */
  waitState?: JsonObject;
  /** A text reply, a message, `'timer'`, or any resume event. */
  event: ResumeEvent | InboundMessage | string | 'timer';
};

/** What one run of a node did. */
export type NodeRun = {
  result?: NodeResult;
  /** The port taken, for `next` results. */
  port?: string;
  outputs?: JsonObject;
  wait?: WaitResult;
  error?: NodeError;
  /** The config after templates were rendered. */
  config?: unknown;
  sent: OutboundMessage[];
  httpResponse?: HttpTriggerResponse;
  httpCalls: HttpRequest[];
  llmCalls: LlmRequest[];
  logs: LogEntry[];
  varChanges: VariableChange[];
  vars: JsonObject;
  contactFields: JsonObject;
};

const DEFAULT_NOW = '2026-05-13T12:00:00.000Z';

/** Runs a node's `execute` with fake ports. Node failures come back as `error`; an unexpected port call throws. */
export function runNode<S extends ConfigSchema>(def: NodeDefinition<S>, options: RunNodeOptions<S>): Promise<NodeRun> {
  return run(def, options, undefined, undefined);
}

/** Runs a node's `resume` as if it had waited with `waitState` and `event` arrived. */
export function resumeNode<S extends ConfigSchema>(def: NodeDefinition<S>, options: ResumeNodeOptions<S>): Promise<NodeRun> {
  const event = toResumeEvent(options.event, options.now);
  const message = event.type === 'input' ? event.message : undefined;
  return run(def, { ...options, message }, event, options.waitState);
}

async function run<S extends ConfigSchema>(
  def: NodeDefinition<S>,
  options: RunNodeOptions<S>,
  event: ResumeEvent | undefined,
  waitState: JsonObject | undefined,
): Promise<NodeRun> {
  const recorder: Recorder = { httpCalls: [], llmCalls: [], unexpected: [], logs: [] };
  const vars: JsonObject = cloneJson(options.vars ?? {});
  const contact: ContactInfo = { id: 'contact-1', isNew: false, fields: {}, ...options.contact };
  contact.fields = cloneJson(contact.fields);
  const conversation: ConversationInfo = { id: 'conversation-1', channel: 'simulator', ...options.conversation };
  const message = typeof options.message === 'string' ? textMessage(options.message, options.now) : options.message;
  const now = new Date(options.now ?? DEFAULT_NOW);
  const randoms = [...(options.random ?? [])];
  const sent: OutboundMessage[] = [];
  let httpResponse: HttpTriggerResponse | undefined;
  const variables = new VariableStore(vars, contact.fields);
  const timeZone = options.timeZone ?? 'America/Sao_Paulo';
  const outcome: NodeRun = { sent, httpCalls: recorder.httpCalls, llmCalls: recorder.llmCalls, logs: recorder.logs, varChanges: variables.changes, vars, contactFields: contact.fields };

  const parsed = parseNodeConfig(def, options.config);
  if (!parsed.ok) return { ...outcome, error: new NodeConfigError(`Invalid config for ${def.key}: ${describeIssues(parsed.issues)}`) };
  try {
    const { result, config } = await runNodeStep(
      { def, config: parsed.config, hasTemplates: containsTemplates(parsed.config), ports: resolvePorts(def, parsed.config), event },
      {
        node: { id: options.nodeId ?? 'node-1', type: def.type, version: def.version },
        vars: variables,
        contact,
        conversation,
        message,
        waitState,
        timeZone,
        services: {
          http: fakeHttp(options.http ?? {}, recorder),
          llm: fakeLlm(options.llm ?? [], recorder),
          knowledge: partialFake('knowledge', options.knowledge, recorder),
          crm: partialFake('crm', options.crm, recorder),
          calendar: partialFake('calendar', options.calendar, recorder),
          secrets: fakeSecrets(options.secrets ?? {}),
          media: partialFake('media', options.media, recorder),
        },
        log: recordingLog(recorder),
        renderer: createTemplateRenderer({ timeZone }),
        scope: () => buildTemplateScope({ vars, contact, conversation, message, trigger: options.trigger, nodes: options.nodes ?? {}, now }),
        now: () => new Date(now),
        random: () => randoms.shift() ?? 0.5,
        send: (msg) => sent.push(msg),
        respondHttp: (response) => {
          httpResponse = response;
        },
      },
    );
    Object.assign(outcome, { result, config, httpResponse });
    if (result.kind === 'next') Object.assign(outcome, { port: result.port, outputs: result.outputs });
    if (result.kind === 'wait') outcome.wait = result;
  } catch (error) {
    outcome.error = toNodeError(error);
    outcome.httpResponse = httpResponse;
  }
  if (recorder.unexpected.length) throw new Error(`${def.key} made calls the test did not expect: ${recorder.unexpected.join('; ')}`);
  return outcome;
}

function toResumeEvent(event: ResumeNodeOptions<ConfigSchema>['event'], now: Date | string | undefined): ResumeEvent {
  if (event === 'timer') return { type: 'timer', timerId: 'timer-1' };
  if (typeof event === 'string') return { type: 'input', message: textMessage(event, now) };
  if ('type' in event && (event.type === 'input' || event.type === 'timer' || event.type === 'event') && !('timestamp' in event)) return event as ResumeEvent;
  return { type: 'input', message: event as InboundMessage };
}

/** A text message as a channel would deliver it. */
export function textMessage(text: string, now?: Date | string): InboundMessage {
  return { id: 'message-1', type: 'text', text, timestamp: new Date(now ?? DEFAULT_NOW).toISOString() };
}

/** A button or list reply, as a channel would deliver it. */
export function replyMessage(id: string, title?: string, now?: Date | string): InboundMessage {
  return {
    id: 'message-1',
    type: 'interactive_reply',
    text: title,
    interactive: { id, title, source: 'reply_button' },
    timestamp: new Date(now ?? DEFAULT_NOW).toISOString(),
  };
}
