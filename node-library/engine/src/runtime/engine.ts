import { createTemplateRenderer, unavailablePort, unavailablePorts } from '@fluxo/node-sdk';
import type { HttpTriggerRequest, LogPort, SecretsPort, ServicePorts, TemplateLimits, TemplateRenderer, TriggerMatch } from '@fluxo/node-sdk';
import type { FlowGraph } from '../graph/flow-graph';
import type { Clock, FlowSource, FlowVersion } from '../ports';
import type { NodeRegistry } from '../registry/node-registry';
import { validateGraph } from '../validation/validate-graph';
import type { ValidationMode } from '../validation/validate-graph';
import type { GraphProblem } from '../validation/graph-problem';
import { compileFlow } from './compile-flow';
import type { CompiledFlow } from './compile-flow';
import { matchHttpTriggers, matchMessageTriggers } from './trigger-matching';
import { TurnRunner } from './turn-runner';
import type { TurnInput, TurnResult } from './turn-types';

export type EngineOptions = {
  registry: NodeRegistry;
  /** Where flows come from, unless a turn brings its own (a multi-tenant host passes one per turn). */
  flows: FlowSource;
  clock: Clock;
  /** Ports the host provides; the others fail with a clear "not configured" error. */
  services?: Partial<ServicePorts>;
  log?: LogPort;
  /** The default tenant time zone (IANA). */
  timeZone?: string;
  /** Steps one turn may take before it is stopped as a loop (default 200). */
  maxSteps?: number;
  /** How deep jump-to-flow calls may nest (default 10). */
  maxCallDepth?: number;
  /** Sent when a node fails without a connected error port, unless the flow sets its own. */
  fallbackMessage?: string;
  templateLimits?: Partial<TemplateLimits>;
  /** Randomness for nodes; by default seeded per conversation and turn, so turns replay identically. */
  random?: () => number;
};

export const DEFAULT_MAX_STEPS = 200;
export const DEFAULT_FALLBACK_MESSAGE = 'Desculpe, tive um problema aqui. Pode tentar de novo em instantes?';

export type HttpTriggerTarget = { flowId: string; version: number | 'draft'; nodeId: string; match: TriggerMatch };

const silentLog: LogPort = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The flow engine: a reducer from (conversation state, event) to (new state, effects). It keeps
 * no conversation data between calls, only compiled flows, cached by graph object.
 */
export class Engine {
  private readonly compiled = new WeakMap<FlowGraph, CompiledFlow>();
  private readonly services: ServicePorts;
  private readonly log: LogPort;

  constructor(private readonly options: EngineOptions) {
    this.services = { ...unavailablePorts(), ...options.services };
    this.log = options.log ?? silentLog;
  }

  get registry(): NodeRegistry {
    return this.options.registry;
  }

  /** Runs one turn. Never throws for a flow's own failures: they come back as `status: 'failed'`. */
  async runTurn(input: TurnInput): Promise<TurnResult> {
    const flows = input.flows ?? this.options.flows;
    const runner = new TurnRunner(this.runnerEnvironment(input.timeZone, flows, input.services), input);
    const { state, event } = input;
    const waiting = state?.status === 'waiting' ? state.waiting : undefined;
    switch (event.type) {
      case 'message': {
        if (waiting) return runner.resume(waiting, { type: 'input', message: event.message });
        const candidate = matchMessageTriggers(await this.triggerFlows(flows), event.message, input.contact);
        if (candidate) return runner.start(candidate.flow, candidate.node, candidate.match.outputs);
        const fallback = input.fallbackFlowId ? await this.fallbackEntry(flows, input.fallbackFlowId) : null;
        if (!fallback) return TurnRunner.ignored(input, 'no_match');
        return runner.start(fallback.flow, fallback.node, { fallback: true });
      }
      case 'timer':
        if (waiting?.timerId !== event.timerId) return TurnRunner.ignored(input);
        return runner.resume(waiting, { type: 'timer', timerId: event.timerId });
      case 'event':
        if (waiting?.for !== 'event' || waiting.event !== event.name) return TurnRunner.ignored(input);
        return runner.resume(waiting, { type: 'event', name: event.name, payload: event.payload });
      case 'delivery_failed': {
        // Only the run that sent the message: a conversation that moved on to another flow (or version) stays where it is.
        const pinned = state?.flow;
        if (!pinned || pinned.flowId !== event.flowId || pinned.version !== event.version) return TurnRunner.ignored(input);
        return runner.deliveryFailed(event);
      }
      case 'http': {
        const flow = await this.loadFlow(flows, event.flowId, event.version);
        const node = flow?.nodes.get(event.nodeId);
        if (!flow || !node) return TurnRunner.ignored(input, 'no_match');
        return runner.start(flow, node, event.match.outputs);
      }
    }
  }

  /**
   * Which published flow an HTTP call to a trigger path starts, and for which conversation
   * (the match's `conversationKey`). 'unauthorized' when the trigger's secret header is wrong.
   */
  async matchHttpTrigger(request: HttpTriggerRequest, secrets?: SecretsPort, flows: FlowSource = this.options.flows): Promise<HttpTriggerTarget | 'unauthorized' | null> {
    const renderer = createTemplateRenderer({ timeZone: this.options.timeZone ?? 'UTC', limits: this.options.templateLimits });
    const found = await matchHttpTriggers(await this.triggerFlows(flows), request, secrets ?? this.services.secrets ?? unavailablePort('secrets'), renderer);
    if (found === null || found === 'unauthorized') return found;
    return { flowId: found.flow.flowId, version: found.flow.version, nodeId: found.node.node.id, match: found.match };
  }

  /**
   * Where a tenant's fallback flow starts when no trigger matched: its first message trigger, run
   * as if it had matched (its own keywords do not apply).
   */
  private async fallbackEntry(flows: FlowSource, flowId: string): Promise<{ flow: CompiledFlow; node: CompiledFlow['triggers'][number] } | null> {
    const flow = await this.loadFlow(flows, flowId);
    const node = flow?.triggers.find((trigger) => trigger.def?.trigger?.on === 'message');
    return flow && node ? { flow, node } : null;
  }

  validate(graph: FlowGraph, mode: ValidationMode): GraphProblem[] {
    return validateGraph(graph, this.options.registry, mode);
  }

  /** A flow version compiled once and reused while the host hands over the same graph object. */
  compile(version: FlowVersion): CompiledFlow {
    let flow = this.compiled.get(version.graph);
    if (!flow || flow.flowId !== version.flowId || flow.version !== version.version) {
      flow = compileFlow(version, this.options.registry);
      this.compiled.set(version.graph, flow);
    }
    return flow;
  }

  private async loadFlow(flows: FlowSource, flowId: string, version?: number | 'draft'): Promise<CompiledFlow | null> {
    const source = await flows.getFlow(flowId, version);
    return source ? this.compile(source) : null;
  }

  private async triggerFlows(flows: FlowSource): Promise<CompiledFlow[]> {
    return (await flows.triggerFlows()).map((version) => this.compile(version));
  }

  /** Renderers by time zone: looking one up per turn showed in profiles. */
  private readonly renderers = new Map<string, TemplateRenderer>();

  private rendererFor(timeZone: string): TemplateRenderer {
    let renderer = this.renderers.get(timeZone);
    if (!renderer) {
      renderer = createTemplateRenderer({ timeZone, limits: this.options.templateLimits });
      this.renderers.set(timeZone, renderer);
    }
    return renderer;
  }

  private runnerEnvironment(timeZone: string | undefined, flows: FlowSource, services?: Partial<ServicePorts>) {
    const { options } = this;
    return {
      clock: options.clock,
      services: services ? { ...this.services, ...services } : this.services,
      log: this.log,
      renderer: this.rendererFor(timeZone ?? options.timeZone ?? 'America/Sao_Paulo'),
      maxSteps: options.maxSteps ?? DEFAULT_MAX_STEPS,
      maxCallDepth: options.maxCallDepth ?? 10,
      fallbackMessage: options.fallbackMessage ?? DEFAULT_FALLBACK_MESSAGE,
      random: options.random,
      loadFlow: (flowId: string, version?: number | 'draft') => this.loadFlow(flows, flowId, version),
    };
  }
}
