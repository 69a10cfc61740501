import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SavedStory } from '../../../domain/api/stories';
import type { UpdateStoryInput } from '../../../domain/story/fields';
import { EDITOR_ID_HEADER } from '../../../domain/api/headers';
import { apiRequest } from '../../../lib/api-client';
import { keepForOffline } from '../../../lib/offline-shell';
import { storyKeys } from './query-keys';

export interface SaveStoryVariables {
  id: string;
  /** The revision the changes were made on; sent as If-Match. */
  baseRevision: number;
  /** This open editor's id, so a retried save is not taken for someone else's. */
  editorId: string;
  changes: UpdateStoryInput;
}

/** Sends only the changed fields. A stale base revision comes back as a 409 ApiError. */
export async function saveStory({ id, baseRevision, editorId, changes }: SaveStoryVariables): Promise<SavedStory> {
  const { data } = await apiRequest<SavedStory>(`/api/stories/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: changes,
    headers: { 'if-match': `"${baseRevision}"`, [EDITOR_ID_HEADER]: editorId },
  });
  return data;
}

export function useSaveStory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...storyKeys.all, 'save'],
    mutationFn: saveStory,
    onSuccess: (story) => {
      queryClient.setQueryData(storyKeys.detail(story.id), story);
      keepForOffline(`/api/stories/${encodeURIComponent(story.id)}`, story);
      void queryClient.invalidateQueries({ queryKey: storyKeys.lists(), refetchType: 'none' });
    },
  });
}
