import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../shared/api';

const MAX_RETRIES = 2;

/**
 * A 4xx will not change by asking again (and a 401 already went through the token refresh), so
 * only network failures and 5xx are retried. Mutations are never retried: they may not be idempotent.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => failures < MAX_RETRIES && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}
