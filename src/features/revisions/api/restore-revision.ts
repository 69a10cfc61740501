import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SavedStory } from '../../../domain/api/stories';
import { apiRequest } from '../../../lib/api-client';
import { storyKeys } from '../../stories/api/query-keys';

export async function restoreRevision(id: string, revision: number): Promise<SavedStory> {
  const { data } = await apiRequest<SavedStory>(`/api/stories/${encodeURIComponent(id)}/restore`, { method: 'POST', body: { revision } });
  return data;
}

/** Puts an earlier revision back as a new one. */
export function useRestoreRevision(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (revision: number) => restoreRevision(id, revision),
    onSuccess: (story) => {
      queryClient.setQueryData(storyKeys.detail(id), story);
      void queryClient.invalidateQueries({ queryKey: storyKeys.lists(), refetchType: 'none' });
    },
  });
}
