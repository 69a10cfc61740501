import { useQuery } from '@tanstack/react-query';
import type { RevisionComparison } from '../../../domain/api/history';
import { apiRequest } from '../../../lib/api-client';
import { storyKeys } from '../../stories/api/query-keys';

export async function compareRevisions(id: string, from: number, to: number, signal?: AbortSignal) {
  const { data } = await apiRequest<RevisionComparison>(`/api/stories/${encodeURIComponent(id)}/revisions/compare?from=${from}&to=${to}`, { signal });
  return data;
}

/** Word differences between two revisions (revisions never change, so neither does the answer). */
export function useRevisionComparison(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...storyKeys.detail(id), 'compare', from, to],
    queryFn: ({ signal }) => compareRevisions(id, from!, to!, signal),
    enabled: from !== null && to !== null && from !== to,
    staleTime: Infinity,
  });
}
