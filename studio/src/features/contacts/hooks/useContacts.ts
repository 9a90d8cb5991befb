import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApiClient } from '../../../shared/api';
import { createContactsApi } from '../api/contactsApi';

function useContactsApi() {
  const client = useApiClient();
  return useMemo(() => createContactsApi(client), [client]);
}

/** Contacts whose name or phone has `text`; the previous answer stays while the next loads (typing). */
export function useContactSearch(text: string) {
  const api = useContactsApi();
  return useQuery({ queryKey: ['contacts', 'search', text.trim()], queryFn: () => api.search(text), placeholderData: keepPreviousData });
}

/** Merges a contact into `targetId`; the conversations (which name their contact) are read again. */
export function useMergeContact(targetId: string) {
  const api = useContactsApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) => api.merge(targetId, contactId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void queryClient.invalidateQueries({ queryKey: ['conversations'] });
    },
  });
}
