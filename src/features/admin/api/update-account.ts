import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Account, UpdateAccountInput } from '../../../domain/api/users';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './list-accounts';

export async function updateAccount({ id, changes }: { id: string; changes: UpdateAccountInput }): Promise<Account> {
  const { data } = await apiRequest<Account>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
  return data;
}

export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAccount,
    onSuccess: (account) => {
      queryClient.setQueryData<Account[]>(accountKeys.all, (accounts) => accounts?.map((a) => (a.id === account.id ? account : a)));
    },
  });
}
