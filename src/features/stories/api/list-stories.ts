import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { StoryListResponse } from '../../../domain/api/stories';
import { apiRequest } from '../../../lib/api-client';
import { storyKeys, type StoryListFilters } from './query-keys';

export async function listStories(filters: StoryListFilters, cursor: string | null, signal?: AbortSignal): Promise<StoryListResponse> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  const { data } = await apiRequest<StoryListResponse>(`/api/stories?${params}`, { signal });
  return data;
}

export const storyListQueryOptions = (filters: StoryListFilters) =>
  infiniteQueryOptions({
    queryKey: storyKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listStories(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });

export function useStoryList(filters: StoryListFilters) {
  return useInfiniteQuery(storyListQueryOptions(filters));
}
