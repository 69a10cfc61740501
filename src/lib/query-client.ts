import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

export const SESSION_QUERY_KEY = ['session'] as const;

const endsSession = (error: unknown) => error instanceof ApiError && error.status === 401;

export function createQueryClient(): QueryClient {
  // A 401 anywhere means the session has ended: forget it. The app then asks the person to log
  // in again over the page they are on (see RequireAuth), so unsaved work stays where it is.
  const forgetSession = () => client.setQueryData(SESSION_QUERY_KEY, null);
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (endsSession(error) && query.queryKey[0] !== SESSION_QUERY_KEY[0]) forgetSession();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (endsSession(error)) forgetSession();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Asked once even when the browser says it is offline: the service worker may answer from
        // this device (the session, an opened story); retries then wait for the connection.
        networkMode: 'offlineFirst',
        // A 4xx will not change by asking again; a dropped connection might.
        retry: (failureCount, error) => failureCount < 2 && !(error instanceof ApiError && !error.isTransient),
      },
      // Sent even when the browser says it is offline, so each caller hears at once that it failed
      // (the autosave then keeps the changes in the journal) instead of waiting silently.
      mutations: { retry: false, networkMode: 'always' },
    },
  });
  return client;
}
