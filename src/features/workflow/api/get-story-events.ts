import { useQuery } from '@tanstack/react-query';
import type { StoryEventsResponse } from '../../../domain/api/stories';
import { apiRequest } from '../../../lib/api-client';
import { storyKeys } from '../../stories/api/query-keys';

export async function getStoryEvents(id: string, signal?: AbortSignal) {
  const { data } = await apiRequest<StoryEventsResponse>(`/api/stories/${encodeURIComponent(id)}/events`, { signal });
  return data.items;
}

/** The story's log: every move, publication and correction, oldest first (asked once `enabled`). */
export function useStoryEvents(id: string, enabled = true) {
  return useQuery({ queryKey: [...storyKeys.detail(id), 'events'], queryFn: ({ signal }) => getStoryEvents(id, signal), enabled });
}
