import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Story } from '../../../domain/api/stories';
import type { CreateStoryInput } from '../../../domain/story/fields';
import { apiRequest } from '../../../lib/api-client';
import { storyKeys } from './query-keys';

export async function createStory(input: CreateStoryInput): Promise<Story> {
  const { data } = await apiRequest<Story>('/api/stories', { method: 'POST', body: input });
  return data;
}

export function useCreateStory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStory,
    onSuccess: (story) => {
      queryClient.setQueryData(storyKeys.detail(story.id), story);
      void queryClient.invalidateQueries({ queryKey: storyKeys.lists() });
    },
  });
}
