import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SessionResponse } from '../../../domain/api/session';
import { ApiError, apiRequest, setCsrfToken } from '../../../lib/api-client';
import { forgetOfflineCopies, keepForOffline } from '../../../lib/offline-shell';
import { SESSION_QUERY_KEY } from '../../../lib/query-client';

export const sessionQueryKey = SESSION_QUERY_KEY;

/** The current session, or null when nobody is logged in. */
export async function getSession(): Promise<SessionResponse | null> {
  try {
    const { data } = await apiRequest<SessionResponse>('/api/session');
    setCsrfToken(data.csrfToken);
    keepForOffline('/api/session', data);
    return data;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      // The session is over (expired or ended elsewhere): its offline copies go from this device.
      void forgetOfflineCopies();
      return null;
    }
    throw error;
  }
}

export const sessionQueryOptions = () =>
  queryOptions({ queryKey: sessionQueryKey, queryFn: getSession, staleTime: 5 * 60_000 });

export function useSession() {
  return useQuery(sessionQueryOptions());
}
