import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProviders } from '../app/AppProviders';
import { createQueryClient } from '../app/queryClient';
import { routes } from '../app/routes';
import { useSessionStore } from '../features/auth/store/session.store';
import type { Session } from '../features/auth/types';
import { useLanguageStore } from '../shared/i18n/language.store';
import { useToastStore } from '../shared/ui/toast.store';
import type { ApiClient } from '../shared/api';

export const demoSession = (role: Session['user']['role'] = 'owner'): Session => ({
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  user: { id: 'user-1', email: 'ana@loja.com.br', name: 'Ana', role, tenantId: 'tenant-1', createdAt: '2026-01-01T00:00:00.000Z' },
  tenant: { id: 'tenant-1', name: 'Loja da Ana', timeZone: 'America/Sao_Paulo' },
});

/** Stores are module singletons: every test starts logged out, in Portuguese, without toasts. */
export function resetStores(): void {
  localStorage.clear();
  useSessionStore.setState({ session: null, endReason: null });
  useLanguageStore.setState({ language: 'pt-BR' });
  useToastStore.setState({ toasts: [] });
}

/** The whole studio at `path`, with a fake API client (and a session, when given). */
export function renderRoute(path: string, { client, session }: { client: ApiClient; session?: Session }) {
  if (session) useSessionStore.getState().signIn(session);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient();
  // Tests want an answer at once: no retries of failed queries.
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: 0 }, mutations: { retry: false } });
  const user = userEvent.setup();
  render(
    <AppProviders client={client} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, user, queryClient };
}
