import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Account } from '../../../domain/api/users';
import { apiRequest } from '../../../lib/api-client';

export const accountKeys = { all: ['accounts'] as const };

export async function listAccounts(): Promise<Account[]> {
  const { data } = await apiRequest<{ items: Account[] }>('/api/users');
  return data.items;
}

export const accountsQueryOptions = () => queryOptions({ queryKey: accountKeys.all, queryFn: listAccounts });

export function useAccounts() {
  return useQuery(accountsQueryOptions());
}
