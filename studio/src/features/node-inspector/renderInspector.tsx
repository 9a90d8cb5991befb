import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppProviders } from '../../app/AppProviders';
import { createQueryClient } from '../../app/queryClient';
import { fakeApiClient } from '../../testing/fakeApiClient';
import { buildNodeCatalog, NodeCatalogContext } from '../flow-editor/components/nodeTypesContext';
import { useEditorStore } from '../flow-editor/store/editor.store';
import { useProblemsStore } from '../flow-editor/store/problems.store';
import type { FlowGraph, FlowProblem, GraphNode, NodeTypeView } from '../flow-editor/types';
import { NodeInspector } from './components/NodeInspector';
import { inspectorNodeTypes } from './testFixtures';
import { conditionView, httpTriggerView, messageTriggerView } from './moreNodeTypes.fixture';

const builtIn = [...inspectorNodeTypes, messageTriggerView, httpTriggerView, conditionView];

type Options = { views?: NodeTypeView[]; edges?: FlowGraph['edges']; variables?: FlowGraph['variables']; problems?: FlowProblem[]; flows?: unknown[] };

export const graphNode = (id: string, type: string, config: GraphNode['config'] = {}, label?: string): GraphNode => ({
  id,
  type: `fluxo.${type}`,
  typeVersion: 1,
  position: { x: 0, y: 0 },
  config,
  ...(label && { label }),
});

/** The inspector of `nodeId` over a loaded graph, as the dock shows it (selected, with the catalog). */
export function renderInspector(nodes: GraphNode[], nodeId: string, options: Options = {}) {
  useEditorStore.getState().load({ schemaVersion: 1, nodes, edges: options.edges ?? [], variables: options.variables ?? [] });
  useEditorStore.getState().selectOnly(nodeId);
  useProblemsStore.getState().setProblems(options.problems ?? []);
  const client = fakeApiClient({ 'GET /api/flows': () => ({ body: options.flows ?? [] }) });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: 0 } });
  const user = userEvent.setup();
  render(
    <AppProviders client={client} queryClient={queryClient}>
      <NodeCatalogContext.Provider value={buildNodeCatalog([...builtIn, ...(options.views ?? [])])}>
        <NodeInspector nodeId={nodeId} />
      </NodeCatalogContext.Provider>
    </AppProviders>,
  );
  return { user, client };
}

export const configOf = (id: string) => useEditorStore.getState().nodes.find((node) => node.id === id)?.data.config;
