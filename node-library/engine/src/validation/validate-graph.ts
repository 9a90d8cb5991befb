import { createTemplateRenderer, isPlainObject, isTemplate, isTrigger, parseNodeConfig, resolvePorts } from '@fluxo/node-sdk';
import type { AnyNodeDefinition, PortDef } from '@fluxo/node-sdk';
import type { FlowGraph, FlowNode } from '../graph/flow-graph';
import type { NodeRegistry } from '../registry/node-registry';
import type { GraphProblem, ProblemCode } from './graph-problem';

export type ValidationMode = 'save' | 'publish';

type Known = { node: FlowNode; def: AnyNodeDefinition; ports: PortDef[] | undefined };

/**
 * Checks a flow against the registry. Every problem names its node; on save they are warnings
 * (a draft may be half-built), on publish errors (a published flow must run).
 */
export function validateGraph(graph: FlowGraph, registry: NodeRegistry, mode: ValidationMode = 'publish'): GraphProblem[] {
  const severity = mode === 'publish' ? 'error' : 'warning';
  const problems: GraphProblem[] = [];
  const add = (code: ProblemCode, message: string, where: Omit<GraphProblem, 'code' | 'message' | 'severity'> = {}) =>
    problems.push({ code, severity, message, ...where });

  const known = checkNodes(graph, registry, add);
  checkVariables(graph, add);
  checkEdges(graph, known, add);
  if (![...known.values()].some((k) => isTrigger(k.def))) {
    add('NO_TRIGGER', 'The flow has no trigger: add a "message received" or "HTTP trigger" node so that something can start it.');
  }
  checkRequiredPorts(graph, known, add);
  checkReachability(graph, known, add);
  return problems;
}

type Add = (code: ProblemCode, message: string, where?: Omit<GraphProblem, 'code' | 'message' | 'severity'>) => void;

function checkNodes(graph: FlowGraph, registry: NodeRegistry, add: Add): Map<string, Known> {
  const known = new Map<string, Known>();
  const seen = new Set<string>();
  const renderer = createTemplateRenderer({ timeZone: 'UTC' });
  for (const node of graph.nodes) {
    if (seen.has(node.id)) {
      add('DUPLICATE_NODE_ID', `Two nodes share the id "${node.id}".`, { nodeId: node.id });
      continue;
    }
    seen.add(node.id);
    const def = registry.get(node.type, node.typeVersion);
    if (!def) {
      const latest = registry.latest(node.type);
      if (latest) add('UNKNOWN_NODE_VERSION', `${node.type} has no version ${node.typeVersion} (latest is ${latest.version}).`, { nodeId: node.id });
      else add('UNKNOWN_NODE_TYPE', `Unknown node type "${node.type}": is the package that provides it installed?`, { nodeId: node.id });
      continue;
    }
    const parsed = parseNodeConfig(def, node.config);
    if (!parsed.ok) {
      for (const issue of parsed.issues) add('INVALID_CONFIG', issue.message, { nodeId: node.id, path: issue.path });
    } else {
      for (const { path, problem } of templateProblems(node.config, renderer.check.bind(renderer))) {
        add('INVALID_TEMPLATE', problem, { nodeId: node.id, path });
      }
    }
    known.set(node.id, { node, def, ports: parsed.ok ? resolvePorts(def, parsed.config) : undefined });
  }
  return known;
}

function checkVariables(graph: FlowGraph, add: Add): void {
  const names = new Set<string>();
  for (const variable of graph.variables) {
    if (names.has(variable.name)) add('DUPLICATE_VARIABLE', `The variable "${variable.name}" is declared twice.`);
    names.add(variable.name);
  }
}

function checkEdges(graph: FlowGraph, known: Map<string, Known>, add: Add): void {
  const edgeIds = new Set<string>();
  const usedPorts = new Set<string>();
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  for (const edge of graph.edges) {
    if (edgeIds.has(edge.id)) add('DUPLICATE_EDGE_ID', `Two connections share the id "${edge.id}".`, { edgeId: edge.id });
    edgeIds.add(edge.id);
    if (!nodeIds.has(edge.source) || !nodeIds.has(edge.target)) {
      const missing = nodeIds.has(edge.source) ? edge.target : edge.source;
      add('DANGLING_EDGE', `A connection points to the node "${missing}", which does not exist.`, {
        edgeId: edge.id,
        nodeId: nodeIds.has(edge.source) ? edge.source : undefined,
      });
      continue;
    }
    const source = known.get(edge.source);
    if (source?.ports && !source.ports.some((p) => p.id === edge.sourcePort)) {
      add('UNKNOWN_PORT', `A connection leaves through "${edge.sourcePort}", which this node no longer has: reconnect it.`, { nodeId: edge.source, edgeId: edge.id });
    }
    const target = known.get(edge.target);
    if (target && isTrigger(target.def)) {
      add('EDGE_INTO_TRIGGER', 'A trigger starts the flow and cannot receive a connection.', { nodeId: edge.target, edgeId: edge.id });
    }
    const portKey = `${edge.source}\u0000${edge.sourcePort}`;
    if (usedPorts.has(portKey)) {
      add('PORT_FAN_OUT', `The output "${edge.sourcePort}" is connected twice; a conversation can only follow one path.`, { nodeId: edge.source, edgeId: edge.id });
    }
    usedPorts.add(portKey);
  }
}

function checkRequiredPorts(graph: FlowGraph, known: Map<string, Known>, add: Add): void {
  const connected = new Set(graph.edges.map((e) => `${e.source}\u0000${e.sourcePort}`));
  for (const { node, ports } of known.values()) {
    for (const port of ports ?? []) {
      if (port.required && !connected.has(`${node.id}\u0000${port.id}`)) {
        add('UNCONNECTED_PORT', `The output "${port.label}" must be connected.`, { nodeId: node.id });
      }
    }
  }
}

function checkReachability(graph: FlowGraph, known: Map<string, Known>, add: Add): void {
  const outgoing = new Map<string, string[]>();
  for (const edge of graph.edges) outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge.target]);
  const reached = new Set<string>();
  const queue = [...known.values()].filter((k) => isTrigger(k.def)).map((k) => k.node.id);
  while (queue.length) {
    const id = queue.pop() as string;
    if (reached.has(id)) continue;
    reached.add(id);
    queue.push(...(outgoing.get(id) ?? []));
  }
  if (reached.size === 0) return; // NO_TRIGGER already says it
  for (const node of graph.nodes) {
    if (!reached.has(node.id)) add('UNREACHABLE_NODE', 'No trigger leads to this node: connect it or delete it.', { nodeId: node.id });
  }
}

function templateProblems(value: unknown, check: (template: string) => string | null, path = ''): Array<{ path: string; problem: string }> {
  if (typeof value === 'string') {
    const problem = isTemplate(value) ? check(value) : null;
    return problem ? [{ path, problem }] : [];
  }
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : isPlainObject(value) ? Object.entries(value) : [];
  return entries.flatMap(([key, item]) => templateProblems(item, check, path ? `${path}.${key}` : key));
}
