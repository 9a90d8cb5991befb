import { useContext, useMemo } from 'react';
import { NodeCatalogContext } from '../../flow-editor/components/nodeTypesContext';
import { useEditorStore } from '../../flow-editor/store/editor.store';
import { nodeName } from '../lib/nodeName';
import { collectSuggestions } from '../lib/variableSuggestions';
import type { VariableSuggestion } from '../lib/variableSuggestions';

/** What `{{ }}` can name at this node, recomputed when the graph or its variables change. */
export function useNodeSuggestions(nodeId: string): VariableSuggestion[] {
  const catalog = useContext(NodeCatalogContext);
  const nodes = useEditorStore((state) => state.nodes);
  const edges = useEditorStore((state) => state.edges);
  const variables = useEditorStore((state) => state.rest.variables);
  return useMemo(
    () =>
      collectSuggestions({
        nodeId,
        nodes,
        edges,
        variables: variables ?? [],
        schemaOf: (type) => catalog.byKey.get(type)?.configSchema,
        nameOf: (node) => nodeName(node, catalog.byKey.get(node.data.type)?.title),
      }),
    [nodeId, nodes, edges, variables, catalog],
  );
}
