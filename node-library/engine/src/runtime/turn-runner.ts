import {
  buildTemplateScope, cloneJson, InternalNodeError, NodeConfigError, runNodeStep, toNodeError, VariableStore,
} from '@fluxo/node-sdk';
import type {
  ContactInfo, HttpTriggerResponse, JsonObject, LogPort, NodeError, NodeResult, OutboundMessage, ResumeEvent, ServicePorts,
  TemplateRenderer,
} from '@fluxo/node-sdk';
import type { Clock } from '../ports';
import type { CompiledFlow, CompiledNode } from './compile-flow';
import { applyContactDefaults, copyState, defaultVariables } from './conversation-state';
import { findLoop } from './loop-detection';
import { hashString, seededRandom } from './seeded-random';
import type { ConversationState, OutboundOrigin, TimerEffect, TraceStep, TurnInput, TurnResult, TurnStatus, WaitingState } from './turn-types';

/** What a turn runner borrows from its engine. */
export type RunnerEnvironment = {
  clock: Clock;
  services: ServicePorts;
  log: LogPort;
  renderer: TemplateRenderer;
  maxSteps: number;
  maxCallDepth: number;
  fallbackMessage: string;
  random?: () => number;
  /** The compiled flow of a version, or its published version when `version` is absent. */
  loadFlow(flowId: string, version?: number | 'draft'): Promise<CompiledFlow | null>;
};

type Cursor = { flow: CompiledFlow; node: CompiledNode; event?: ResumeEvent; waitState?: JsonObject };
type StepResult = { result: NodeResult; error?: undefined } | { result?: undefined; error: NodeError };

/**
 * Runs one turn of one conversation: from where it waits (or a trigger) through nodes until a
 * wait, an end, or a failure. Works on a copy of the state and collects effects as data; it
 * never delivers, stores or schedules anything itself.
 */
export class TurnRunner {
  private readonly state: ConversationState;
  private readonly contact: ContactInfo;
  private readonly outbound: OutboundMessage[] = [];
  private readonly outboundOrigins: Array<OutboundOrigin | null> = [];
  private readonly trace: TraceStep[] = [];
  private readonly timers: TimerEffect[] = [];
  private readonly visited: string[] = [];
  private readonly random: () => number;
  private contactChanged = false;
  private httpResponse: HttpTriggerResponse | undefined;
  private timerCount = 0;
  /** The flow of the node running now (the fallback message comes from it). */
  private currentFlow: CompiledFlow | undefined;

  constructor(
    private readonly env: RunnerEnvironment,
    private readonly input: TurnInput,
  ) {
    this.state = copyState(input.state);
    this.state.turns += 1;
    this.contact = { ...input.contact, fields: cloneJson(input.contact.fields) };
    this.random = env.random ?? seededRandom(hashString(`${input.conversation.id}:${this.state.turns}`));
  }

  /** Starts a new run of `flow` at a trigger node (the previous run, if any, is abandoned). */
  async start(flow: CompiledFlow, trigger: CompiledNode, triggerOutputs: JsonObject | undefined): Promise<TurnResult> {
    this.cancelWaitTimer();
    Object.assign(this.state, {
      status: 'idle',
      flow: { flowId: flow.flowId, version: flow.version },
      waiting: undefined,
      vars: defaultVariables(flow.source.graph.variables),
      nodes: {},
      trigger: triggerOutputs ?? {},
      callStack: [],
    });
    this.contactChanged = applyContactDefaults(this.contact.fields, flow.source.graph.variables);
    return this.loop({ flow, node: trigger });
  }

  /** Wakes the node the conversation waits at with `event`. */
  async resume(waiting: WaitingState, event: ResumeEvent): Promise<TurnResult> {
    if (!(event.type === 'timer' && event.timerId === waiting.timerId)) this.cancelWaitTimer();
    const pinned = this.state.flow;
    const flow = pinned ? await this.env.loadFlow(pinned.flowId, pinned.version) : null;
    const node = flow?.nodes.get(waiting.nodeId);
    this.state.waiting = undefined;
    this.state.status = 'idle';
    if (!flow || !node) {
      const error = new InternalNodeError(`The conversation waits at node ${waiting.nodeId} of a flow version that no longer has it.`, 'WAIT_TARGET_MISSING');
      return this.fail(error, undefined);
    }
    return this.loop({ flow, node, event, waitState: waiting.state });
  }

  /**
   * A message `nodeId` sent could not be delivered: the run continues from the node's `error`
   * port (the wait it was in is abandoned), with the failure as the node's outputs. A node with
   * no error port connected leaves the conversation as it is.
   */
  async deliveryFailed(event: Extract<TurnInput['event'], { type: 'delivery_failed' }>): Promise<TurnResult> {
    const flow = await this.env.loadFlow(event.flowId, event.version);
    const node = flow?.nodes.get(event.nodeId);
    const targetId = node?.ports.some((p) => p.id === 'error') ? node.next.get('error') : undefined;
    const target = targetId ? flow?.nodes.get(targetId) : undefined;
    if (!flow || !node || !target) return TurnRunner.ignored(this.input);
    this.cancelWaitTimer();
    Object.assign(this.state, { status: 'idle', waiting: undefined, callStack: [], flow: { flowId: flow.flowId, version: flow.version } });
    const error = { kind: 'provider' as const, code: event.error.code, message: event.error.message };
    this.state.nodes[node.node.id] = { error };
    const now = this.env.clock.now();
    this.trace.push({
      flowId: flow.flowId, nodeId: node.node.id, type: node.node.type, typeVersion: node.node.typeVersion,
      startedAt: now, durationMs: 0, action: 'error', port: 'error', resumed: true, varChanges: [], error,
    });
    return this.loop({ flow, node: target });
  }

  /** A turn that changed nothing (a stale timer, an event nobody waits for). */
  static ignored(input: TurnInput, status: TurnStatus = 'ignored'): TurnResult {
    return { status, state: copyState(input.state), outbound: [], trace: [], timers: [] };
  }

  private async loop(start: Cursor): Promise<TurnResult> {
    let cursor: Cursor | null = start;
    while (cursor) {
      if (this.visited.length >= this.env.maxSteps) return this.fail(this.stepLimitError(cursor.flow), cursor.node);
      this.visited.push(cursor.node.node.id);
      this.currentFlow = cursor.flow;
      let stepped = this.step(cursor);
      if (stepped instanceof Promise) stepped = await stepped;
      const { result, error } = stepped;
      if (error) {
        const handler = this.errorHandler(cursor, error);
        if (!handler) return this.fail(error, cursor.node);
        cursor = handler;
        continue;
      }
      switch (result.kind) {
        case 'next': {
          if (result.outputs) this.state.nodes[cursor.node.node.id] = result.outputs;
          const followed = this.follow(cursor.flow, cursor.node, result.port);
          cursor = followed instanceof Promise ? await followed : followed;
          break;
        }
        case 'wait':
          this.enterWait(cursor, result);
          return this.finish('waiting');
        case 'end':
          return this.finish('ended');
        case 'jump': {
          const jumped = await this.jump(cursor, result.flowId, result.returnAfter);
          if (jumped instanceof Error) {
            const handler = this.errorHandler(cursor, jumped);
            if (!handler) return this.fail(jumped, cursor.node);
            cursor = handler;
          } else cursor = jumped;
          break;
        }
      }
    }
    return this.finish('ended');
  }

  /** One node; synchronous unless the node itself is (the engine's hot path, see runNodeStep). */
  private step(cursor: Cursor): StepResult | Promise<StepResult> {
    const { flow, node } = cursor;
    const vars = new VariableStore(this.state.vars, this.contact.fields);
    const started = this.env.clock.now();
    const tick = this.env.clock.monotonic?.() ?? started;
    const trace: TraceStep = {
      flowId: flow.flowId, nodeId: node.node.id, type: node.node.type, typeVersion: node.node.typeVersion,
      startedAt: started, durationMs: 0, action: 'next', varChanges: vars.changes,
    };
    if (cursor.event) trace.resumed = true;
    this.trace.push(trace);
    const settle = (outcome: StepResult): StepResult => {
      if (outcome.error) {
        trace.action = 'error';
        trace.error = { kind: outcome.error.kind, code: outcome.error.code, message: outcome.error.message };
      } else {
        trace.action = outcome.result.kind;
        if (outcome.result.kind === 'next') trace.port = outcome.result.port;
      }
      if (vars.changes.some((c) => c.scope === 'contact')) this.contactChanged = true;
      trace.durationMs = (this.env.clock.monotonic?.() ?? this.env.clock.now()) - tick;
      return outcome;
    };
    const failed = (thrown: unknown): StepResult => settle({ error: toNodeError(thrown) });
    try {
      if (node.problem || !node.def) throw new NodeConfigError(node.problem ?? 'The node cannot run.');
      const stepped = runNodeStep(
        { def: node.def, config: node.config, hasTemplates: node.hasTemplates, ports: node.ports, event: cursor.event },
        this.stepEnvironment(node, vars, cursor.waitState, started),
      );
      if (stepped instanceof Promise) return stepped.then(({ result }) => settle({ result }), failed);
      return settle({ result: stepped.result });
    } catch (thrown) {
      return failed(thrown);
    }
  }

  /** A step sees one instant (`startedMs`): its templates and its own ctx.now() agree. */
  private stepEnvironment(node: CompiledNode, vars: VariableStore, waitState: JsonObject | undefined, startedMs: number) {
    const { input, env, state, contact } = this;
    const message = input.event.type === 'message' ? input.event.message : undefined;
    const now = () => new Date(startedMs);
    let scope: Record<string, unknown> | undefined;
    const flow = this.currentFlow;
    // Kept with each message it sends: a delivery that fails for good comes back to this node's error port.
    const origin: OutboundOrigin | null = flow ? { flowId: flow.flowId, version: flow.version, nodeId: node.node.id } : null;
    return {
      node: { id: node.node.id, type: node.node.type, version: node.node.typeVersion },
      vars, contact, conversation: input.conversation, message, waitState,
      timeZone: env.renderer.timeZone,
      services: env.services,
      log: env.log,
      renderer: env.renderer,
      // Built once per step: it holds live references, so values a node sets show in its later renders.
      scope: () => (scope ??= buildTemplateScope({ vars: state.vars, contact, conversation: input.conversation, message, trigger: state.trigger, nodes: state.nodes, now: startedMs })),
      now,
      nowMs: startedMs,
      random: this.random,
      send: (outbound: OutboundMessage) => {
        this.outbound.push(outbound);
        this.outboundOrigins.push(origin);
      },
      respondHttp: (response: HttpTriggerResponse) => {
        this.httpResponse = response;
      },
    };
  }

  /** Where a failed node goes: its connected `error` port, with the error as its outputs. */
  private errorHandler(cursor: Cursor, error: NodeError): Cursor | null {
    const targetId = cursor.node.ports.some((p) => p.id === 'error') ? cursor.node.next.get('error') : undefined;
    const target = targetId ? cursor.flow.nodes.get(targetId) : undefined;
    if (!target) return null;
    const last = this.trace[this.trace.length - 1];
    if (last) last.port = 'error';
    this.state.nodes[cursor.node.node.id] = { error: { kind: error.kind, code: error.code, message: error.message } };
    return { flow: cursor.flow, node: target };
  }

  /** The node behind `port`, or where the flow returns to when this branch ends (async only then). */
  private follow(flow: CompiledFlow, node: CompiledNode, port: string): Cursor | null | Promise<Cursor | null> {
    const targetId = node.next.get(port);
    const target = targetId ? flow.nodes.get(targetId) : undefined;
    if (target) return { flow, node: target };
    const frame = this.state.callStack.pop();
    if (!frame) return null;
    return this.returnToCaller(frame);
  }

  private async returnToCaller(frame: ConversationState['callStack'][number]): Promise<Cursor | null> {
    const caller = await this.env.loadFlow(frame.flowId, frame.version);
    const jumpNode = caller?.nodes.get(frame.nodeId);
    if (!caller || !jumpNode) return null;
    this.state.flow = { flowId: caller.flowId, version: caller.version };
    return this.follow(caller, jumpNode, 'out');
  }

  private async jump(cursor: Cursor, flowId: string, returnAfter: boolean): Promise<Cursor | null | NodeError> {
    if (returnAfter && this.state.callStack.length >= this.env.maxCallDepth) {
      return new NodeConfigError(`Flows call each other more than ${this.env.maxCallDepth} levels deep: check the jump-to-flow nodes for a cycle.`, 'CALL_DEPTH');
    }
    const target = await this.env.loadFlow(flowId);
    if (!target) return new NodeConfigError(`The flow ${flowId} does not exist or has no published version: publish it, or pick another flow.`, 'FLOW_NOT_FOUND');
    const entry = target.triggers[0];
    if (!entry) return new NodeConfigError(`The flow ${flowId} has no trigger to enter it by.`, 'FLOW_NO_ENTRY');
    if (returnAfter) this.state.callStack.push({ flowId: cursor.flow.flowId, version: cursor.flow.version, nodeId: cursor.node.node.id });
    this.state.flow = { flowId: target.flowId, version: target.version };
    const firstPort = entry.ports[0]?.id ?? 'out';
    return this.follow(target, entry, firstPort);
  }

  private enterWait(cursor: Cursor, result: Extract<NodeResult, { kind: 'wait' }>): void {
    const waiting: WaitingState = { flowId: cursor.flow.flowId, nodeId: cursor.node.node.id, for: result.for };
    if (result.for === 'event') waiting.event = result.event;
    if (result.state) waiting.state = result.state;
    const delayMs = result.for === 'timer' ? result.delayMs : result.timeoutMs;
    if (delayMs !== undefined) {
      waiting.timerId = `${this.input.conversation.id}:${this.state.turns}:${cursor.node.node.id}:${++this.timerCount}`;
      waiting.fireAt = new Date(this.env.clock.now() + delayMs).toISOString();
      this.timers.push({ action: 'schedule', timerId: waiting.timerId, fireAt: waiting.fireAt, nodeId: cursor.node.node.id });
    }
    this.state.waiting = waiting;
  }

  private cancelWaitTimer(): void {
    const timerId = this.state.waiting?.timerId;
    if (timerId) this.timers.push({ action: 'cancel', timerId });
  }

  private stepLimitError(flow: CompiledFlow): NodeError {
    const loop = findLoop(this.visited).map((id) => flow.nodes.get(id)?.node.label ?? id);
    return new NodeConfigError(
      `The turn ran ${this.env.maxSteps} steps without waiting for the customer: the flow loops through ${[...loop, loop[0]].join(' → ')}. ` +
        'Add a question or a delay inside the loop, or a condition that leaves it.',
      'STEP_LIMIT',
    );
  }

  private fail(error: NodeError, node: CompiledNode | undefined): TurnResult {
    const fallback = this.currentFlow?.source.graph.settings?.fallbackMessage ?? this.env.fallbackMessage;
    if (fallback) {
      this.outbound.push({ kind: 'text', text: fallback });
      this.outboundOrigins.push(null);
    }
    this.env.log.warn('turn failed', { nodeId: node?.node.id ?? null, kind: error.kind, code: error.code, message: error.message });
    Object.assign(this.state, { status: 'failed', waiting: undefined, callStack: [] });
    const result = this.result('failed');
    result.error = { nodeId: node?.node.id, kind: error.kind, code: error.code, message: error.message };
    return result;
  }

  private finish(status: 'waiting' | 'ended'): TurnResult {
    if (status === 'ended') Object.assign(this.state, { status: 'ended', waiting: undefined, callStack: [] });
    else this.state.status = 'waiting';
    return this.result(status);
  }

  private result(status: TurnStatus): TurnResult {
    const result: TurnResult = { status, state: this.state, outbound: this.outbound, outboundOrigins: this.outboundOrigins, trace: this.trace, timers: this.timers };
    if (this.contactChanged) result.contactFields = this.contact.fields;
    if (this.httpResponse) result.httpResponse = this.httpResponse;
    return result;
  }
}
