import { foldText } from '../../flow-editor/lib/searchText';
import type { FlowGraph, JsonObject, JsonValue } from '../../flow-editor/types';
import { asObject, hintsOf, propertiesOf } from './schema';
import type { FieldSchema } from './schema';

/** Where a suggestion comes from; the list shows it beside the path. */
export type SuggestionSource = 'declared' | 'node' | 'contact' | 'message' | 'conversation' | 'trigger' | 'output' | 'system';

/** One `{{ }}` path the engine's template scope has (node-library/sdk/src/runtime/template-scope.ts). */
export type VariableSuggestion = { path: string; source: SuggestionSource; /** The node it comes from, for `node`/`trigger`/`output`. */ from?: string };

export type GraphNodeLike = { id: string; data: { type: string; config: JsonObject; label?: string } };
type GraphEdgeLike = { source: string; target: string };

export type SuggestionInput = {
  nodeId: string;
  nodes: readonly GraphNodeLike[];
  edges: readonly GraphEdgeLike[];
  variables: FlowGraph['variables'];
  /** A node type's config schema, to find its `variable` fields. */
  schemaOf: (type: string) => FieldSchema | undefined;
  /** How the list names the node a suggestion comes from ("Fazer pergunta: Qual seu nome?"). */
  nameOf: (node: GraphNodeLike) => string;
};

const CONTACT: readonly string[] = ['contact.name', 'contact.phone', 'contact.isNew', 'contact.id'];
const MESSAGE: readonly string[] = ['message.text', 'message.type', 'message.timestamp'];
const CONVERSATION: readonly string[] = ['conversation.channel', 'conversation.id'];
/** What the built-in triggers put in `{{ trigger.* }}`. */
const TRIGGER_OUTPUTS: Record<string, readonly string[]> = {
  'fluxo.messageTrigger': ['text', 'groups'],
  'fluxo.httpTrigger': ['body', 'query', 'headers', 'method', 'path'],
};
/** What the built-in nodes return as `{{ nodes.<id>.* }}`. */
const NODE_OUTPUTS: Record<string, readonly string[]> = { 'fluxo.askQuestion': ['answer', 'text', 'choiceTitle'] };

/** Every node a conversation can pass through before reaching `nodeId` (edges walked backwards). */
export function upstreamNodeIds(nodeId: string, edges: readonly GraphEdgeLike[]): string[] {
  const seen = new Set<string>([nodeId]);
  const order: string[] = [];
  const queue = [nodeId];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const edge of edges) {
      if (edge.target !== current || seen.has(edge.source)) continue;
      seen.add(edge.source);
      order.push(edge.source);
      queue.push(edge.source);
    }
  }
  return order;
}

type Written = { name: string; scope: 'flow' | 'contact' };

/**
 * The variables a config writes: every `variable` widget field, with the scope of its sibling
 * `scope`/`variableScope` field (flow unless it says contact).
 */
export function writtenVariables(schema: FieldSchema, value: JsonValue | undefined): Written[] {
  const object = asObject(value);
  if (Array.isArray(value)) {
    const items = asObject(schema.items);
    return items ? value.flatMap((item) => writtenVariables(items, item)) : [];
  }
  if (!object) return [];
  const found: Written[] = [];
  for (const [name, property] of propertiesOf(schema)) {
    const field = object[name];
    if (hintsOf(property).widget === 'variable' && typeof field === 'string' && field) {
      const scope = object.variableScope ?? object.scope;
      found.push({ name: field, scope: scope === 'contact' ? 'contact' : 'flow' });
    } else found.push(...writtenVariables(property, field));
  }
  return found;
}

function nodeSuggestions(node: GraphNodeLike, input: SuggestionInput): VariableSuggestion[] {
  const from = input.nameOf(node);
  const schema = input.schemaOf(node.data.type);
  const written = schema ? writtenVariables(schema, node.data.config) : [];
  const variables = written.map(({ name, scope }): VariableSuggestion => ({ path: scope === 'contact' ? `contact.fields.${name}` : `vars.${name}`, source: 'node', from }));
  const trigger = (TRIGGER_OUTPUTS[node.data.type] ?? []).map((key): VariableSuggestion => ({ path: `trigger.${key}`, source: 'trigger', from }));
  const outputs = (NODE_OUTPUTS[node.data.type] ?? []).map((key): VariableSuggestion => ({ path: `nodes.${node.id}.${key}`, source: 'output', from }));
  return [...variables, ...trigger, ...outputs];
}

/**
 * What `{{ }}` can name at this node: declared flow variables, variables written by nodes
 * upstream, those nodes' outputs and the trigger's, then the contact, message and conversation.
 * The first mention of a path wins.
 */
export function collectSuggestions(input: SuggestionInput): VariableSuggestion[] {
  const byId = new Map(input.nodes.map((node) => [node.id, node]));
  const upstream = upstreamNodeIds(input.nodeId, input.edges).flatMap((id) => {
    const node = byId.get(id);
    return node ? nodeSuggestions(node, input) : [];
  });
  const all: VariableSuggestion[] = [
    ...input.variables.map((variable): VariableSuggestion => ({ path: `${variable.scope === 'contact' ? 'contact.fields' : 'vars'}.${variable.name}`, source: 'declared' })),
    ...upstream,
    ...CONTACT.map((path): VariableSuggestion => ({ path, source: 'contact' })),
    ...MESSAGE.map((path): VariableSuggestion => ({ path, source: 'message' })),
    ...CONVERSATION.map((path): VariableSuggestion => ({ path, source: 'conversation' })),
    { path: 'now', source: 'system' },
  ];
  const seen = new Set<string>();
  return all.filter((suggestion) => !seen.has(suggestion.path) && (seen.add(suggestion.path), true));
}

/** Suggestions whose path contains what was typed after `{{` (accent- and case-insensitive). */
export function filterSuggestions(suggestions: readonly VariableSuggestion[], query: string): VariableSuggestion[] {
  const needle = foldText(query);
  if (!needle) return [...suggestions];
  return suggestions.filter((suggestion) => foldText(suggestion.path).includes(needle));
}

/** Names a `variable` field can offer: declared ones and those other nodes write, without duplicates. */
export function variableNames(suggestions: readonly VariableSuggestion[]): string[] {
  const names = suggestions.flatMap((suggestion) => {
    const match = /^(?:vars|contact\.fields)\.(.+)$/.exec(suggestion.path);
    return match && (suggestion.source === 'declared' || suggestion.source === 'node') ? [match[1]!] : [];
  });
  return [...new Set(names)];
}
