import { useQuery } from '@tanstack/react-query';
import type { PendingChangesResponse } from '../../../domain/story/changes';
import { apiRequest } from '../../../lib/api-client';
import { storyKeys } from '../../stories/api/query-keys';

export async function getPendingChanges(id: string, signal?: AbortSignal) {
  const { data } = await apiRequest<PendingChangesResponse>(`/api/stories/${encodeURIComponent(id)}/pending-changes`, { signal });
  return data;
}

/** What would go live with the update, for a published story with changes waiting (fetched when shown). */
export function usePendingChanges(id: string, revision: number, enabled: boolean) {
  return useQuery({
    queryKey: [...storyKeys.detail(id), 'pending-changes', revision],
    queryFn: ({ signal }) => getPendingChanges(id, signal),
    enabled,
  });
}
