import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Photo } from '../../../domain/api/photos';
import { CSRF_HEADER } from '../../../domain/api/headers';
import { ApiError, errorFromBody, getCsrfToken, refreshCsrfToken } from '../../../lib/api-client';
import { photoKeys } from './query-keys';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

export interface UploadedPhoto {
  photo: Photo;
  /** False when the same file was already in the library. */
  created: boolean;
}

/** The answer to an upload cancelled on purpose. */
export class UploadCancelled extends Error {
  constructor() {
    super('Upload cancelled');
    this.name = 'UploadCancelled';
  }
}

function send(file: File, options: UploadOptions): Promise<UploadedPhoto> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new UploadCancelled());
    // XMLHttpRequest, not fetch: only it reports how much of a request body has gone.
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/photos');
    xhr.setRequestHeader('accept', 'application/json');
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => options.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => {
      if (xhr.status === 200 || xhr.status === 201) {
        try {
          resolve({ photo: JSON.parse(xhr.responseText) as Photo, created: xhr.status === 201 });
        } catch {
          reject(new ApiError(xhr.status, 'internal', 'The server’s answer could not be read'));
        }
      } else {
        reject(errorFromBody(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'Cannot reach the server'));
    xhr.onabort = () => reject(new UploadCancelled());
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/**
 * Uploads one photo (multipart, field "file"), reporting progress; abort the signal to cancel.
 * A stale CSRF token (after logging in again in another tab) is refreshed and the upload sent again.
 */
export async function uploadPhoto(file: File, options: UploadOptions = {}): Promise<UploadedPhoto> {
  try {
    return await send(file, options);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'csrf_failed' && (await refreshCsrfToken())) return send(file, options);
    throw error;
  }
}

/** `uploadPhoto`, refreshing the library's lists after each photo that arrives. */
export function usePhotoUploader() {
  const queryClient = useQueryClient();
  return useCallback(
    async (file: File, options?: UploadOptions) => {
      const result = await uploadPhoto(file, options);
      void queryClient.invalidateQueries({ queryKey: photoKeys.lists() });
      return result;
    },
    [queryClient],
  );
}
