import { useMemo } from 'react';
import { useApiClient } from '../../../shared/api';
import { createVersionsApi } from '../api/versionsApi';
import type { VersionsApi } from '../api/versionsApi';

export function useVersionsApi(): VersionsApi {
  const client = useApiClient();
  return useMemo(() => createVersionsApi(client), [client]);
}
