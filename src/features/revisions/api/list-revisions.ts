import { useQuery } from '@tanstack/react-query';
import type { HistoryResponse } from '../../../domain/api/history';
import { apiRequest } from '../../../lib/api-client';
import { storyKeys } from '../../stories/api/query-keys';

export async function listRevisions(id: string, signal?: AbortSignal) {
  const { data } = await apiRequest<HistoryResponse>(`/api/stories/${encodeURIComponent(id)}/revisions`, { signal });
  return data.items;
}

/** The story's history, newest first; fetched again when the story's revision moves on. */
export function useRevisions(id: string, revision: number, enabled: boolean) {
  return useQuery({
    queryKey: [...storyKeys.detail(id), 'revisions', revision],
    queryFn: ({ signal }) => listRevisions(id, signal),
    enabled,
    placeholderData: (previous) => previous,
  });
}
