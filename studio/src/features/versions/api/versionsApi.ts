import type { ApiClient } from '../../../shared/api';
import type { Flow, VersionedFlow } from '../../flows/types';
import type { LiveConversationPolicy, PublishedVersion, PublishValidation, VersionDetail, VersionSummary } from '../types';

const flowPath = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

export type PublishInput = { changelog: string; liveConversations: LiveConversationPolicy };

/** Publishing, the published versions, and restoring one of them as the draft. */
export function createVersionsApi(client: ApiClient) {
  return {
    async validation(flowId: string): Promise<PublishValidation> {
      return (await client.request<PublishValidation>('GET', `${flowPath(flowId)}/validation?mode=publish`)).data;
    },

    /**
     * `etag` is the draft the person sees: a draft saved elsewhere in between is refused (412)
     * instead of published unseen. 422 `FLOW_INVALID` lists the problems.
     */
    async publish(flowId: string, input: PublishInput, etag: string): Promise<PublishedVersion> {
      const body = { liveConversations: input.liveConversations, ...(input.changelog.trim() && { changelog: input.changelog.trim() }) };
      return (await client.request<PublishedVersion>('POST', `${flowPath(flowId)}/publish`, { body, headers: { 'If-Match': etag } })).data;
    },

    async list(flowId: string): Promise<VersionSummary[]> {
      return (await client.request<VersionSummary[]>('GET', `${flowPath(flowId)}/versions`)).data;
    },

    async get(flowId: string, version: number): Promise<VersionDetail> {
      return (await client.request<VersionDetail>('GET', `${flowPath(flowId)}/versions/${version}`)).data;
    },

    /** No If-Match: the person chose to replace the draft, whatever it holds now. */
    async restore(flowId: string, version: number): Promise<VersionedFlow> {
      const { data, headers } = await client.request<Flow>('POST', `${flowPath(flowId)}/versions/${version}/restore`);
      return { flow: data, etag: headers.get('ETag') ?? `"${data.revision}"` };
    },
  };
}

export type VersionsApi = ReturnType<typeof createVersionsApi>;
