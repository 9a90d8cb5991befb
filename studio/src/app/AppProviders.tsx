import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { ApiClientProvider } from '../shared/api';
import type { ApiClient } from '../shared/api';
import { useLanguage } from '../shared/i18n';
import { Toaster } from '../shared/ui';
import { syncSessionAcrossTabs, useSessionStore } from '../features/auth/store/session.store';

type AppProvidersProps = { client: ApiClient; queryClient: QueryClient; children: ReactNode };

/** Everything a page may need from above: the API client, the query cache, toasts. Tests use it too. */
export function AppProviders({ client, queryClient, children }: AppProvidersProps) {
  const [language] = useLanguage();

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => syncSessionAcrossTabs(), []);

  // A session that ends (logout, expiry, another tab) takes its cached data with it.
  useEffect(
    () =>
      useSessionStore.subscribe((state, previous) => {
        if (previous.session && state.session?.user.id !== previous.session.user.id) queryClient.clear();
      }),
    [queryClient],
  );

  return (
    <ApiClientProvider client={client}>
      <QueryClientProvider client={queryClient}>
        {children}
        <Toaster />
      </QueryClientProvider>
    </ApiClientProvider>
  );
}
