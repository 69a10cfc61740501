import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginInput, SessionResponse } from '../../../domain/api/session';
import { apiRequest, setCsrfToken } from '../../../lib/api-client';
import { sessionQueryKey } from './get-session';

export async function logIn(input: LoginInput): Promise<SessionResponse> {
  const { data } = await apiRequest<SessionResponse>('/api/session', { method: 'POST', body: input });
  setCsrfToken(data.csrfToken);
  return data;
}

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logIn,
    onSuccess: (session) => {
      // A new person may be logging in: nothing cached for the last one survives.
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}
