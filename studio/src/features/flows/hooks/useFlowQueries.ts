import { useQuery } from '@tanstack/react-query';
import { flowKeys } from './flowKeys';
import { useFlowsApi } from './useFlowsApi';

export function useFlowList() {
  const api = useFlowsApi();
  return useQuery({ queryKey: flowKeys.list(), queryFn: () => api.list() });
}

/** One flow with its ETag. `staleTime: 0`: a rename must start from the current revision. */
export function useFlow(id: string) {
  const api = useFlowsApi();
  return useQuery({ queryKey: flowKeys.detail(id), queryFn: () => api.get(id), staleTime: 0 });
}
