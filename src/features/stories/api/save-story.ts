import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SavedStory } from '../../../domain/api/stories';
import type { DocumentJSON } from '../../../domain/document/types';
import { diffBody } from '../../../domain/story/body-patch';
import type { StoryFields, UpdateStoryInput } from '../../../domain/story/fields';
import { EDITOR_ID_HEADER } from '../../../domain/api/headers';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { keepForOffline } from '../../../lib/offline-shell';
import { storyKeys } from './query-keys';

export interface SaveStoryVariables {
  id: string;
  /** The revision the changes were made on; sent as If-Match. */
  baseRevision: number;
  /** This open editor's id, so a retried save is not taken for someone else's. */
  editorId: string;
  /** The changed fields, the body (if changed) whole. */
  changes: Partial<StoryFields>;
  /**
   * The body the server holds at `baseRevision`, when known for certain: the body then goes out
   * as the blocks that changed since. A wrong one would make the server keep blocks the editor
   * no longer shows, so leave it out when in doubt.
   */
  baseBody?: DocumentJSON;
}

/** The answer to a save with `Prefer: return=minimal`: the body is left out unless the save was merged. */
type SaveAnswer = Omit<SavedStory, 'body'> & { body?: DocumentJSON };

/**
 * Sends only the changed fields, the body as its changed blocks when `baseBody` allows. A stale
 * base revision comes back as a 409 ApiError. Always resolves with the whole story, body included.
 */
export async function saveStory({ id, baseRevision, editorId, changes, baseBody }: SaveStoryVariables): Promise<SavedStory> {
  const patch = changes.body && baseBody ? diffBody(baseBody, changes.body) : null;
  if (patch) {
    const { body: _whole, ...others } = changes;
    try {
      return withBody(await send(id, baseRevision, editorId, { ...others, bodyPatch: patch }), changes);
    } catch (error) {
      // The server cannot place the blocks (its copy of the base revision is gone, or differs): the whole body then.
      if (!(error instanceof ApiError && error.code === 'precondition_failed')) throw error;
    }
  }
  return withBody(await send(id, baseRevision, editorId, changes), changes);
}

function send(id: string, baseRevision: number, editorId: string, input: UpdateStoryInput) {
  const headers: Record<string, string> = { 'if-match': `"${baseRevision}"`, [EDITOR_ID_HEADER]: editorId };
  // The body is left out of the answer only when the editor sent it and so already has it;
  // a save without one gets the stored body back, so the story it yields is always whole.
  if (input.body !== undefined || input.bodyPatch !== undefined) headers.prefer = 'return=minimal';
  return apiRequest<SaveAnswer>(`/api/stories/${encodeURIComponent(id)}`, { method: 'PATCH', body: input, headers });
}

/** The saved story, whole: a minimal answer's body is the one the editor sent. */
function withBody({ data }: { data: SaveAnswer }, changes: Partial<StoryFields>): SavedStory {
  if (data.body) return data as SavedStory;
  if (!changes.body) throw new ApiError(502, 'internal', 'The server left the body out of a save that did not send one');
  return { ...data, body: changes.body };
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
