import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest, setCsrfToken } from '../../../lib/api-client';
import { forgetOfflineCopies } from '../../../lib/offline-shell';
import { sessionQueryKey } from './get-session';

/** Ends the session on the server. A session that had already ended counts as logged out. */
export async function logOut(): Promise<void> {
  try {
    await apiRequest<void>('/api/session', { method: 'DELETE' });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
}

export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOut,
    // Only once the server agrees: a failed logout must not pretend to have worked.
    onSuccess: () => {
      setCsrfToken(null);
      void forgetOfflineCopies();
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
