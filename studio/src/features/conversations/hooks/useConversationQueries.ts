import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApiClient } from '../../../shared/api';
import { flowKeys } from '../../flows/hooks/flowKeys';
import { useFlowsApi } from '../../flows/hooks/useFlowsApi';
import { createConversationsApi } from '../api/conversationsApi';
import type { ConversationStatus } from '../types';

export const conversationKeys = {
  all: ['conversations'] as const,
  list: (status: ConversationStatus | null) => ['conversations', 'list', status ?? 'all'] as const,
  detail: (id: string) => ['conversations', 'detail', id] as const,
};

function useConversationsApi() {
  const client = useApiClient();
  return useMemo(() => createConversationsApi(client), [client]);
}

export function useConversationList(status: ConversationStatus | null) {
  const api = useConversationsApi();
  return useQuery({ queryKey: conversationKeys.list(status), queryFn: () => api.list(status) });
}

export function useConversation(id: string) {
  const api = useConversationsApi();
  return useQuery({ queryKey: conversationKeys.detail(id), queryFn: () => api.get(id) });
}

/** Resets a conversation; the answer is the conversation afterwards, and the lists are refreshed. */
export function useResetConversation(id: string) {
  const api = useConversationsApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.reset(id),
    onSuccess: (detail) => {
      queryClient.setQueryData(conversationKeys.detail(id), detail);
      void queryClient.invalidateQueries({ queryKey: ['conversations', 'list'] });
    },
  });
}

/** The flow a conversation ran (for its blocks' names); nothing is asked while `flowId` is unknown. */
export function useConversationFlow(flowId: string | null) {
  const api = useFlowsApi();
  return useQuery({ queryKey: flowKeys.detail(flowId ?? ''), queryFn: () => api.get(flowId ?? ''), enabled: flowId !== null });
}
