import type { ApiClient } from '../../../shared/api';
import { fileNameFromContentDisposition } from '../../../shared/lib/contentDisposition';
import type { Flow, FlowExport, FlowSummary, VersionedFlow } from '../types';

const flowPath = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

/** The flows endpoints (server/src/modules/flows/README.md), typed. */
export function createFlowsApi(client: ApiClient) {
  return {
    async list(): Promise<FlowSummary[]> {
      return (await client.request<FlowSummary[]>('GET', '/api/flows')).data;
    },

    async get(id: string): Promise<VersionedFlow> {
      const { data, headers } = await client.request<Flow>('GET', flowPath(id));
      return { flow: data, etag: headers.get('ETag') ?? etagOf(data.revision) };
    },

    async create(name: string): Promise<Flow> {
      return (await client.request<Flow>('POST', '/api/flows', { body: { name } })).data;
    },

    /** `etag` is the one the flow was loaded with: the server answers 412 FLOW_CHANGED if it moved on since. */
    async rename(id: string, name: string, etag: string): Promise<VersionedFlow> {
      const { data, headers } = await client.request<Flow>('PUT', flowPath(id), { body: { name }, headers: { 'If-Match': etag } });
      return { flow: data, etag: headers.get('ETag') ?? etagOf(data.revision) };
    },

    async remove(id: string): Promise<void> {
      await client.request<void>('DELETE', flowPath(id));
    },

    async exportFile(id: string): Promise<{ file: FlowExport; fileName: string }> {
      const { data, headers } = await client.request<FlowExport>('GET', `${flowPath(id)}/export`);
      return { file: data, fileName: fileNameFromContentDisposition(headers.get('Content-Disposition')) ?? `${data.name}.json` };
    },

    /** An export, an example file or a bare graph; a taken name comes back as "Name (2)". */
    async importFile(content: unknown): Promise<Flow> {
      return (await client.request<Flow>('POST', '/api/flows/import', { body: content })).data;
    },
  };
}

export type FlowsApi = ReturnType<typeof createFlowsApi>;

/** The ETag the server would send (`"7"`), for when a proxy dropped the header. */
function etagOf(revision: number): string {
  return `"${revision}"`;
}
