import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { StoryListResponse } from '../../../domain/api/stories';
import { apiRequest } from '../../../lib/api-client';
import { storyKeys } from './query-keys';

const PICKER_RESULTS = 8;

/** Stories whose headline matches the words typed (the latest ones when nothing is typed). */
export async function searchStoriesByHeadline(q: string, signal?: AbortSignal): Promise<StoryListResponse> {
  const params = new URLSearchParams({ limit: String(PICKER_RESULTS) });
  if (q.trim()) {
    params.set('q', q.trim());
    params.set('scope', 'headline');
  }
  const { data } = await apiRequest<StoryListResponse>(`/api/stories?${params}`, { signal });
  return data;
}

export function useHeadlineSearch(q: string) {
  return useQuery({
    queryKey: [...storyKeys.all, 'headline-search', q.trim()],
    queryFn: ({ signal }) => searchStoriesByHeadline(q, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
