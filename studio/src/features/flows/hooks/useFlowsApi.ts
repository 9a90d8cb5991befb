import { useMemo } from 'react';
import { useApiClient } from '../../../shared/api';
import { createFlowsApi } from '../api/flowsApi';
import type { FlowsApi } from '../api/flowsApi';

export function useFlowsApi(): FlowsApi {
  const client = useApiClient();
  return useMemo(() => createFlowsApi(client), [client]);
}
