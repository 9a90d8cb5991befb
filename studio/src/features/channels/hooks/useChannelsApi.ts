import { useMemo } from 'react';
import { useApiClient } from '../../../shared/api';
import { createChannelsApi } from '../api/channelsApi';
import type { ChannelsApi } from '../api/channelsApi';

export function useChannelsApi(): ChannelsApi {
  const client = useApiClient();
  return useMemo(() => createChannelsApi(client), [client]);
}
