import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Account, CreateAccountInput } from '../../../domain/api/users';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './list-accounts';

export async function createAccount(input: CreateAccountInput): Promise<Account> {
  const { data } = await apiRequest<Account>('/api/users', { method: 'POST', body: input });
  return data;
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
