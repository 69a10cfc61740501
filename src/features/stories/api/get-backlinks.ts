import { useQuery } from '@tanstack/react-query';
import type { StoryRefsResponse } from '../../../domain/api/stories';
import { apiRequest } from '../../../lib/api-client';
import { storyKeys } from './query-keys';

export async function getBacklinks(id: string, signal?: AbortSignal) {
  const { data } = await apiRequest<StoryRefsResponse>(`/api/stories/${encodeURIComponent(id)}/backlinks`, { signal });
  return data.items;
}

/** "Linked from": the stories whose bodies point to this one. */
export function useBacklinks(id: string) {
  return useQuery({ queryKey: [...storyKeys.detail(id), 'backlinks'], queryFn: ({ signal }) => getBacklinks(id, signal) });
}
