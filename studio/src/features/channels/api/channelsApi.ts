import type { ApiClient } from '../../../shared/api';
import type { ChannelView, CreateChannelInput, UpdateChannelInput } from '../types';

const channelPath = (id: string) => `/api/channels/${encodeURIComponent(id)}`;

/** The channels endpoints (server/src/modules/channels/README.md), typed. */
export function createChannelsApi(client: ApiClient) {
  return {
    async list(): Promise<ChannelView[]> {
      return (await client.request<ChannelView[]>('GET', '/api/channels')).data;
    },

    async create(input: CreateChannelInput): Promise<ChannelView> {
      return (await client.request<ChannelView>('POST', '/api/channels', { body: input })).data;
    },

    async update(id: string, input: UpdateChannelInput): Promise<ChannelView> {
      return (await client.request<ChannelView>('PUT', channelPath(id), { body: input })).data;
    },

    async remove(id: string): Promise<void> {
      await client.request<void>('DELETE', channelPath(id));
    },

    /** Registers the webhook with the provider (Telegram, Evolution); 422 CHANNEL_ACTIVATION_FAILED when it refuses. */
    async activate(id: string): Promise<ChannelView> {
      return (await client.request<ChannelView>('POST', `${channelPath(id)}/activate`)).data;
    },
  };
}

export type ChannelsApi = ReturnType<typeof createChannelsApi>;
