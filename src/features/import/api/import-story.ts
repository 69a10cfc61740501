import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportFormat, ImportResponse } from '../../../domain/api/imports';
import { apiRequest } from '../../../lib/api-client';
import { storyKeys } from '../../stories/api/query-keys';

export interface ImportInput {
  format: ImportFormat;
  content: string;
}

/** `POST /api/import`: wire copy in, a new draft out (with what the importer found). */
export async function importStory(input: ImportInput): Promise<ImportResponse> {
  const { data } = await apiRequest<ImportResponse>('/api/import', { method: 'POST', body: input });
  return data;
}

export function useImportStory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importStory,
    onSuccess: ({ story }) => {
      queryClient.setQueryData(storyKeys.detail(story.id), story);
      void queryClient.invalidateQueries({ queryKey: storyKeys.lists() });
    },
  });
}
