import { useMemo } from 'react';
import { useApiClient } from '../../../shared/api';
import { createSimulatorApi } from '../api/simulatorApi';
import type { SimulatorApi } from '../api/simulatorApi';

export function useSimulatorApi(): SimulatorApi {
  const client = useApiClient();
  return useMemo(() => createSimulatorApi(client), [client]);
}
