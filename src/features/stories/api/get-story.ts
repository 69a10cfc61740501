import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Story } from '../../../domain/api/stories';
import { apiRequest } from '../../../lib/api-client';
import { keepForOffline } from '../../../lib/offline-shell';
import { storyKeys } from './query-keys';

export async function getStory(id: string, signal?: AbortSignal): Promise<Story> {
  const path = `/api/stories/${encodeURIComponent(id)}`;
  const { data } = await apiRequest<Story>(path, { signal });
  keepForOffline(path, data);
  return data;
}

/**
 * The story as the server last confirmed it. Fetched afresh whenever a screen opens it; while
 * the editor is open the editor owns the working copy, so it is not refetched behind its back
 * (saves write their answers here).
 */
export const storyQueryOptions = (id: string) =>
  queryOptions({
    queryKey: storyKeys.detail(id),
    queryFn: ({ signal }) => getStory(id, signal),
    staleTime: Infinity,
    refetchOnMount: 'always',
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

export function useStory(id: string) {
  return useQuery(storyQueryOptions(id));
}
