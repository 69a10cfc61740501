import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { StoryRef, StoryRefsResponse } from '../../../domain/api/stories';
import { STORY_REFS_LIMIT } from '../../../domain/api/stories';
import { apiRequest } from '../../../lib/api-client';
import { storyKeys } from './query-keys';

/**
 * Asks for story refs in batches: every "Read also" block on screen asks for its story when it
 * appears, and the requests made in the same moment go out as one call.
 */
let pending: Map<string, Array<{ resolve: (ref: StoryRef | null) => void; reject: (error: unknown) => void }>> | null = null;

function flush() {
  const batch = pending!;
  pending = null;
  const ids = [...batch.keys()];
  for (let start = 0; start < ids.length; start += STORY_REFS_LIMIT) {
    const chunk = ids.slice(start, start + STORY_REFS_LIMIT);
    apiRequest<StoryRefsResponse>(`/api/stories/refs?ids=${chunk.map(encodeURIComponent).join(',')}`).then(
      ({ data }) => {
        const found = new Map(data.items.map((ref) => [ref.id, ref]));
        for (const id of chunk) for (const waiter of batch.get(id)!) waiter.resolve(found.get(id) ?? null);
      },
      (error: unknown) => {
        for (const id of chunk) for (const waiter of batch.get(id)!) waiter.reject(error);
      },
    );
  }
}

/** One story's ref, or null when it does not exist or the viewer may not see it. */
export function getStoryRef(id: string): Promise<StoryRef | null> {
  return new Promise((resolve, reject) => {
    if (!pending) {
      pending = new Map();
      queueMicrotask(flush);
    }
    const waiters = pending.get(id) ?? [];
    waiters.push({ resolve, reject });
    pending.set(id, waiters);
  });
}

export const storyRefKey = (id: string) => [...storyKeys.all, 'ref', id] as const;

/** The query for one story's ref (none for no story), for `useStoryRef` and the editor's read-also blocks. */
export function storyRefQuery(id: string | null) {
  return queryOptions({
    queryKey: storyRefKey(id ?? ''),
    queryFn: () => getStoryRef(id!),
    enabled: Boolean(id),
    staleTime: 30_000,
  });
}

export function useStoryRef(id: string | null) {
  return useQuery(storyRefQuery(id));
}

/** A story just picked from search is already known: no need to ask again. */
export function primeStoryRef(queryClient: QueryClient, ref: StoryRef) {
  queryClient.setQueryData(storyRefKey(ref.id), ref);
}
