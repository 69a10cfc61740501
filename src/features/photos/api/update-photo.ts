import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Photo, UpdatePhotoInput } from '../../../domain/api/photos';
import { apiRequest } from '../../../lib/api-client';
import { photoKeys } from './query-keys';

export interface UpdatePhotoVariables {
  id: string;
  changes: UpdatePhotoInput;
}

/** Corrects a photo's words in the library (stories that use it keep their own copies). */
export async function updatePhoto({ id, changes }: UpdatePhotoVariables): Promise<Photo> {
  const { data } = await apiRequest<Photo>(`/api/photos/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
  return data;
}

export function useUpdatePhoto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...photoKeys.all, 'update'],
    mutationFn: updatePhoto,
    onSuccess: (photo) => {
      queryClient.setQueryData(photoKeys.detail(photo.id), photo);
      return queryClient.invalidateQueries({ queryKey: photoKeys.lists() });
    },
  });
}
