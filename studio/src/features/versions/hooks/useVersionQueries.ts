import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useFlow } from '../../flows/hooks/useFlowQueries';
import { versionKeys } from './versionKeys';
import { useVersionsApi } from './useVersionsApi';

/** The open flow's id, from the route (`/flows/:id`). */
export function useFlowId(): string {
  return useParams().id ?? '';
}

/** The version new conversations start on, as the flow's cached detail says (refreshed after a publish). */
export function usePublishedVersion(flowId: string): number | null {
  return useFlow(flowId).data?.flow.publishedVersion ?? null;
}

export function useVersionList(flowId: string) {
  const api = useVersionsApi();
  return useQuery({ queryKey: versionKeys.list(flowId), queryFn: () => api.list(flowId) });
}

/** A published version never changes, so once loaded it is kept. `null` asks for nothing. */
export function useVersion(flowId: string, version: number | null) {
  const api = useVersionsApi();
  return useQuery({
    queryKey: versionKeys.detail(flowId, version ?? 0),
    queryFn: () => api.get(flowId, version ?? 0),
    enabled: version !== null,
    staleTime: Infinity,
  });
}

/** The publish check of the saved draft; `etag` null (not saved yet) waits. */
export function usePublishValidation(flowId: string, etag: string | null) {
  const api = useVersionsApi();
  return useQuery({
    queryKey: versionKeys.validation(flowId, etag ?? ''),
    queryFn: () => api.validation(flowId),
    enabled: etag !== null,
    staleTime: 0,
    gcTime: 0,
  });
}
