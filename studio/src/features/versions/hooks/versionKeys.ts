import { flowKeys } from '../../flows/hooks/flowKeys';

/** Under the flow's detail key: invalidating `flowKeys.all` (after a publish) refreshes them too. */
export const versionKeys = {
  list: (flowId: string) => [...flowKeys.detail(flowId), 'versions'] as const,
  detail: (flowId: string, version: number) => [...flowKeys.detail(flowId), 'versions', version] as const,
  /** Per ETag: a check belongs to one saved draft. */
  validation: (flowId: string, etag: string) => [...flowKeys.detail(flowId), 'validation', etag] as const,
};
