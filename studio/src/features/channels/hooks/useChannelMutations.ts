import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChannelView, CreateChannelInput, UpdateChannelInput } from '../types';
import { channelKeys } from './channelKeys';
import { useChannelsApi } from './useChannelsApi';

/**
 * A changed channel replaces its row at once (so the status a button just set shows without
 * waiting), then the list is loaded again to show what is really there.
 */
function useRefreshList() {
  const queryClient = useQueryClient();
  return {
    put: (channel: ChannelView) =>
      queryClient.setQueryData<ChannelView[]>(channelKeys.list(), (rows) => rows?.map((row) => (row.id === channel.id ? channel : row))),
    invalidate: () => queryClient.invalidateQueries({ queryKey: channelKeys.list() }),
  };
}

export function useCreateChannel() {
  const api = useChannelsApi();
  const list = useRefreshList();
  return useMutation({ mutationFn: (input: CreateChannelInput) => api.create(input), onSuccess: list.invalidate });
}

export function useUpdateChannel() {
  const api = useChannelsApi();
  const list = useRefreshList();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateChannelInput }) => api.update(id, input),
    onSuccess: (saved) => {
      list.put(saved);
      return list.invalidate();
    },
  });
}

export function useDeleteChannel() {
  const api = useChannelsApi();
  const list = useRefreshList();
  return useMutation({
    mutationFn: (id: string) => api.remove(id),
    onSuccess: list.invalidate,
    // Deleted meanwhile (404) or not: the list should show what is really there.
    onError: list.invalidate,
  });
}

/** A refusal also changes the channel (status `error` with the provider's reason): the list is reloaded either way. */
export function useActivateChannel() {
  const api = useChannelsApi();
  const list = useRefreshList();
  return useMutation({
    mutationFn: (id: string) => api.activate(id),
    onSuccess: (channel) => {
      list.put(channel);
      return list.invalidate();
    },
    onError: list.invalidate,
  });
}
