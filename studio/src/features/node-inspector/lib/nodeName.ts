import { summarizeConfig } from '../../flow-editor/lib/configSummary';
import type { GraphNodeLike } from './variableSuggestions';

/**
 * A node as a person recognises it in a list: the name they gave it, else its type's title with
 * what it says ("Fazer pergunta: Qual seu nome?"), else its id.
 */
export function nodeName(node: GraphNodeLike, typeTitle: string | undefined): string {
  if (node.data.label) return node.data.label;
  const summary = summarizeConfig(node.data.type, node.data.config);
  const text = summary && 'text' in summary ? summary.text : '';
  const base = typeTitle ?? node.id;
  return text ? `${base}: ${text}` : base;
}
