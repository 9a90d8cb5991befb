import type { ApiClient } from '../../../shared/api';
import type { ConversationDetail, ConversationStatus, ConversationSummary } from '../types';

const path = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

/** Conversations (real and simulated), one with its messages and turn traces, and resetting one. */
export function createConversationsApi(client: ApiClient) {
  return {
    async list(status: ConversationStatus | null): Promise<ConversationSummary[]> {
      return (await client.request<ConversationSummary[]>('GET', status ? `/api/conversations?status=${status}` : '/api/conversations')).data;
    },
    async get(id: string): Promise<ConversationDetail> {
      return (await client.request<ConversationDetail>('GET', path(id))).data;
    },
    async reset(id: string): Promise<ConversationDetail> {
      return (await client.request<ConversationDetail>('POST', `${path(id)}/reset`)).data;
    },
  };
}

export type ConversationsApi = ReturnType<typeof createConversationsApi>;
