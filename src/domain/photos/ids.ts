/**
 * A photo's id is the SHA-256 of its original file, in lower-case hex: the same bytes are the
 * same photo, and every file the photo has is named from it (never from the uploader's name).
 * No zod here: the editor imports it, and zod belongs in the server's and forms' bundles only.
 */
export const PHOTO_ID_PATTERN = /^[0-9a-f]{64}$/;

export function isPhotoId(value: unknown): value is string {
  return typeof value === 'string' && PHOTO_ID_PATTERN.test(value);
}
