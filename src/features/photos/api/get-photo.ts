import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Photo } from '../../../domain/api/photos';
import { apiRequest } from '../../../lib/api-client';
import { photoKeys } from './query-keys';

export async function getPhoto(id: string, signal?: AbortSignal): Promise<Photo> {
  const { data } = await apiRequest<Photo>(`/api/photos/${encodeURIComponent(id)}`, { signal });
  return data;
}

export const photoQueryOptions = (id: string) =>
  queryOptions({
    queryKey: photoKeys.detail(id),
    queryFn: ({ signal }) => getPhoto(id, signal),
  });

/** One photo of the library (the one open in the library's details panel). */
export function usePhoto(id: string | null) {
  return useQuery({ ...photoQueryOptions(id ?? ''), enabled: Boolean(id) });
}
