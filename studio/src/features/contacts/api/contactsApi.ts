import type { ApiClient } from '../../../shared/api';
import type { ContactSummary } from '../types';

/** Finding contacts, and merging one into another (the same person on two channels). */
export function createContactsApi(client: ApiClient) {
  return {
    async search(text: string): Promise<ContactSummary[]> {
      const query = text.trim() ? `?search=${encodeURIComponent(text.trim())}&limit=20` : '?limit=20';
      return (await client.request<ContactSummary[]>('GET', `/api/contacts${query}`)).data;
    },
    async merge(targetId: string, contactId: string): Promise<void> {
      await client.request('POST', `/api/contacts/${encodeURIComponent(targetId)}/merge`, { body: { contactId } });
    },
  };
}
