import { useMemo } from 'react';
import { useApiClient } from '../../../shared/api';
import { createFlowEditorApi } from '../api/flowEditorApi';
import type { FlowEditorApi } from '../api/flowEditorApi';

export function useFlowEditorApi(): FlowEditorApi {
  const client = useApiClient();
  return useMemo(() => createFlowEditorApi(client), [client]);
}
