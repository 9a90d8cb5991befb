import { containsTemplates, describeIssues, parseNodeConfig, resolvePorts } from '@fluxo/node-sdk';
import type { AnyNodeDefinition, PortDef } from '@fluxo/node-sdk';
import type { FlowNode } from '../graph/flow-graph';
import type { FlowVersion } from '../ports';
import type { NodeRegistry } from '../registry/node-registry';

/** A node ready to run: its definition, parsed config and where each port leads. */
export type CompiledNode = {
  node: FlowNode;
  def: AnyNodeDefinition | undefined;
  config: unknown;
  hasTemplates: boolean;
  ports: PortDef[];
  /** Target node id by port id. */
  next: Map<string, string>;
  /** Why this node cannot run (unknown type, invalid config); reported when a conversation reaches it. */
  problem?: string;
};

export type CompiledFlow = {
  flowId: string;
  version: number | 'draft';
  source: FlowVersion;
  nodes: Map<string, CompiledNode>;
  triggers: CompiledNode[];
};

/**
 * Parses every node's config once per flow version, so turns only look things up. A draft may
 * hold broken nodes (the simulator runs drafts): they compile with a `problem` and fail only
 * when a conversation reaches them.
 */
export function compileFlow(source: FlowVersion, registry: NodeRegistry): CompiledFlow {
  const nodes = new Map<string, CompiledNode>();
  for (const node of source.graph.nodes) {
    if (!nodes.has(node.id)) nodes.set(node.id, compileNode(node, registry));
  }
  for (const edge of source.graph.edges) {
    const from = nodes.get(edge.source);
    if (from && nodes.has(edge.target) && !from.next.has(edge.sourcePort)) from.next.set(edge.sourcePort, edge.target);
  }
  const triggers = [...nodes.values()].filter((n) => n.def?.trigger !== undefined && !n.problem);
  return { flowId: source.flowId, version: source.version, source, nodes, triggers };
}

function compileNode(node: FlowNode, registry: NodeRegistry): CompiledNode {
  const base = { node, config: node.config, hasTemplates: false, ports: [] as PortDef[], next: new Map<string, string>() };
  const def = registry.get(node.type, node.typeVersion);
  if (!def) return { ...base, def: undefined, problem: `The node type ${node.type}@${node.typeVersion} is not installed.` };
  const parsed = parseNodeConfig(def, node.config);
  if (!parsed.ok) return { ...base, def, problem: `The node "${node.label ?? node.id}" is misconfigured: ${describeIssues(parsed.issues)}` };
  return { ...base, def, config: parsed.config, hasTemplates: containsTemplates(parsed.config), ports: resolvePorts(def, parsed.config) };
}
