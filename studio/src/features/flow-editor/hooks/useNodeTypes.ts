import { useQuery } from '@tanstack/react-query';
import { useFlowEditorApi } from './useFlowEditorApi';

/** The node catalog changes only when the server is redeployed: fetched once per visit. */
export function useNodeTypes() {
  const api = useFlowEditorApi();
  return useQuery({ queryKey: ['node-types'], queryFn: () => api.nodeTypes(), staleTime: Infinity });
}
