import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { PhotoListResponse } from '../../../domain/api/photos';
import { apiRequest } from '../../../lib/api-client';
import { photoKeys, type PhotoListFilters } from './query-keys';

export async function listPhotos(filters: PhotoListFilters, cursor: string | null, signal?: AbortSignal): Promise<PhotoListResponse> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (cursor) params.set('cursor', cursor);
  const { data } = await apiRequest<PhotoListResponse>(`/api/photos?${params}`, { signal });
  return data;
}

export const photoListQueryOptions = (filters: PhotoListFilters) =>
  infiniteQueryOptions({
    queryKey: photoKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listPhotos(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });

/** The library, newest first, filtered; more pages on demand. */
export function usePhotoList(filters: PhotoListFilters) {
  return useInfiniteQuery(photoListQueryOptions(filters));
}
