import type { ApiClient } from '../../../shared/api';
import type { Flow, VersionedFlow } from '../../flows/types';
import type { FlowGraph, NodeTypeView } from '../types';

const flowPath = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

/** The endpoints the editor uses: the node catalog, and loading/saving a draft with its ETag. */
export function createFlowEditorApi(client: ApiClient) {
  return {
    async nodeTypes(): Promise<NodeTypeView[]> {
      return (await client.request<NodeTypeView[]>('GET', '/api/node-types')).data;
    },

    async loadFlow(id: string): Promise<VersionedFlow> {
      const { data, headers } = await client.request<Flow>('GET', flowPath(id));
      return { flow: data, etag: headers.get('ETag') ?? `"${data.revision}"` };
    },

    /** 412 `FLOW_CHANGED` when `etag` is no longer the draft's: never saved over someone else's work. */
    async saveGraph(id: string, graph: FlowGraph, etag: string): Promise<VersionedFlow> {
      const { data, headers } = await client.request<Flow>('PUT', flowPath(id), { body: { graph }, headers: { 'If-Match': etag } });
      return { flow: data, etag: headers.get('ETag') ?? `"${data.revision}"` };
    },
  };
}

export type FlowEditorApi = ReturnType<typeof createFlowEditorApi>;
