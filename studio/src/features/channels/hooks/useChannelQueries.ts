import { useQuery } from '@tanstack/react-query';
import { channelKeys } from './channelKeys';
import { useChannelsApi } from './useChannelsApi';

export function useChannelList() {
  const api = useChannelsApi();
  return useQuery({ queryKey: channelKeys.list(), queryFn: () => api.list() });
}
