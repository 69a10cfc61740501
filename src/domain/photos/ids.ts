import { z } from 'zod';

/**
 * A photo's id is the SHA-256 of its original file, in lower-case hex: the same bytes are the
 * same photo, and every file the photo has is named from it (never from the uploader's name).
 */
export const PHOTO_ID_PATTERN = /^[0-9a-f]{64}$/;

export const photoIdSchema = z.string().regex(PHOTO_ID_PATTERN, { error: 'not a photo id (64 hex digits)' });

export function isPhotoId(value: unknown): value is string {
  return typeof value === 'string' && PHOTO_ID_PATTERN.test(value);
}
