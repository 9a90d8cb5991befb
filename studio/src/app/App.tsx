import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { sessionTokens } from '../features/auth/store/sessionTokens';
import { createApiClient } from '../shared/api';
import { AppProviders } from './AppProviders';
import { ErrorBoundary } from './ErrorBoundary';
import { createQueryClient } from './queryClient';
import { routes } from './routes';

/** The studio: real API client (same origin, relative URLs), query cache and browser router. */
export function App() {
  const [client] = useState(() => createApiClient({ tokens: sessionTokens }));
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <ErrorBoundary>
      <AppProviders client={client} queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </ErrorBoundary>
  );
}
