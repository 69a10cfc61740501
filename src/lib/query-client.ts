import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

export const SESSION_QUERY_KEY = ['session'] as const;

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A 401 on any read means the session has ended: forget it, and the login page takes over.
      // (Saves are mutations: the editor keeps its work and retries instead.)
      onError: (error, query) => {
        if (error instanceof ApiError && error.status === 401 && query.queryKey[0] !== SESSION_QUERY_KEY[0]) {
          client.setQueryData(SESSION_QUERY_KEY, null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change by asking again; a dropped connection might.
        retry: (failureCount, error) => failureCount < 2 && !(error instanceof ApiError && !error.isTransient),
      },
      mutations: { retry: false },
    },
  });
  return client;
}
