import type { PhotoListQuery } from '../../../domain/api/photos';

export type PhotoListFilters = Pick<PhotoListQuery, 'q' | 'missing'>;

/** One place for the photo query keys, so uploads and edits can refresh the right lists. */
export const photoKeys = {
  all: ['photos'] as const,
  lists: () => [...photoKeys.all, 'list'] as const,
  list: (filters: PhotoListFilters) => [...photoKeys.lists(), filters] as const,
  detail: (id: string) => [...photoKeys.all, 'detail', id] as const,
};
