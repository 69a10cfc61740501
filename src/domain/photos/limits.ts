/** Lengths of a photo's words, in the library and per use in a story (lead photo, figure). */
export const PHOTO_TEXT_LIMITS = {
  caption: 2000,
  credit: 200,
  creator: 200,
  copyright: 300,
  alt: 500,
  originalName: 255,
} as const;

/** Upload bounds when the environment does not set them (NEWSROOM_MAX_UPLOAD_MB, NEWSROOM_MAX_UPLOAD_MEGAPIXELS). */
export const DEFAULT_UPLOAD_LIMITS = {
  maxBytes: 25 * 1024 * 1024,
  maxPixels: 100_000_000,
} as const;

/** The formats the photo desk accepts, as the server names them after reading the file. */
export const PHOTO_FORMATS = ['jpeg', 'png', 'webp', 'avif'] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];

/** What the file picker offers; the server decides from the content, never from this. */
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp,image/avif';

/** What the library can be filtered on as missing (a photo cannot run without them). */
export const PHOTO_MISSING_FIELDS = ['caption', 'credit', 'alt'] as const;
export type PhotoMissingField = (typeof PHOTO_MISSING_FIELDS)[number];
