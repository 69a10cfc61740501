import type { StoryListQuery } from '../../../domain/api/story-queries';

export type StoryListFilters = Pick<StoryListQuery, 'status' | 'section' | 'q' | 'author' | 'photos'>;

/** One place for the story query keys, so saves can update and invalidate the right entries. */
export const storyKeys = {
  all: ['stories'] as const,
  lists: () => [...storyKeys.all, 'list'] as const,
  list: (filters: StoryListFilters) => [...storyKeys.lists(), filters] as const,
  detail: (id: string) => [...storyKeys.all, 'detail', id] as const,
};
