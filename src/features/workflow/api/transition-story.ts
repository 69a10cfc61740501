import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Story } from '../../../domain/api/stories';
import type { TransitionInput } from '../../../domain/api/transitions';
import { apiRequest } from '../../../lib/api-client';
import { storyKeys } from '../../stories/api/query-keys';

export async function transitionStory({ id, input }: { id: string; input: TransitionInput }): Promise<Story> {
  const { data } = await apiRequest<Story>(`/api/stories/${encodeURIComponent(id)}/transitions`, { method: 'POST', body: input });
  return data;
}

export async function publishUpdate({ id, note }: { id: string; note: string }): Promise<Story> {
  const { data } = await apiRequest<Story>(`/api/stories/${encodeURIComponent(id)}/corrections`, { method: 'POST', body: { note } });
  return data;
}

/** After a move the story, its log and its checklist have changed; the lists too. */
function useAfterMove() {
  const queryClient = useQueryClient();
  return (story: Story) => {
    queryClient.setQueryData(storyKeys.detail(story.id), story);
    void queryClient.invalidateQueries({ queryKey: [...storyKeys.detail(story.id), 'events'] });
    void queryClient.invalidateQueries({ queryKey: storyKeys.lists(), refetchType: 'none' });
  };
}

export function useTransitionStory() {
  return useMutation({ mutationFn: transitionStory, onSuccess: useAfterMove() });
}

export function usePublishUpdate() {
  return useMutation({ mutationFn: publishUpdate, onSuccess: useAfterMove() });
}
