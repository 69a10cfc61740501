import { z } from 'zod';
import { PHOTO_MISSING_FIELDS, PHOTO_TEXT_LIMITS, type PhotoFormat } from '../photos/limits';
import { lineSchema } from './line';

/** The words a photo carries, in the library (prefilled from IPTC/XMP) and per use in a story. */
export interface PhotoText {
  caption: string;
  credit: string;
  creator: string;
  copyright: string;
  alt: string;
}

/** A photo in the library, as the API returns it. Its renditions follow from its id (see photos/renditions). */
export interface Photo extends PhotoText {
  /** SHA-256 of the original file. */
  id: string;
  format: PhotoFormat;
  /** Upright size in pixels (after the camera's orientation is applied). */
  width: number;
  height: number;
  /** Size of the original file in bytes. */
  bytes: number;
  /** The file name it was uploaded with: for people to recognise it, never used for storage. */
  originalName: string;
  uploadedBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface PhotoListResponse {
  items: Photo[];
  nextCursor: string | null;
}

export const PHOTO_LIST_LIMITS = { defaultLimit: 40, maxLimit: 100, maxQueryChars: 200 } as const;

export { PHOTO_MISSING_FIELDS, type PhotoMissingField } from '../photos/limits';

export const photoListQuerySchema = z
  .object({
    q: z
      .string()
      .trim()
      .max(PHOTO_LIST_LIMITS.maxQueryChars, { error: `search can be at most ${PHOTO_LIST_LIMITS.maxQueryChars} characters` })
      .optional(),
    missing: z.enum(PHOTO_MISSING_FIELDS, { error: `missing must be one of: ${PHOTO_MISSING_FIELDS.join(', ')}` }).optional(),
    cursor: z.string().max(512).optional(),
    limit: z.coerce
      .number({ error: 'limit must be a number' })
      .int({ error: 'limit must be a whole number' })
      .min(1, { error: 'limit must be at least 1' })
      .max(PHOTO_LIST_LIMITS.maxLimit, { error: `limit can be at most ${PHOTO_LIST_LIMITS.maxLimit}` })
      .default(PHOTO_LIST_LIMITS.defaultLimit),
  })
  .strict();

export type PhotoListQuery = z.input<typeof photoListQuerySchema>;

export const photoTextSchema = z.object({
  caption: lineSchema('Caption', PHOTO_TEXT_LIMITS.caption),
  credit: lineSchema('Credit', PHOTO_TEXT_LIMITS.credit),
  creator: lineSchema('Creator', PHOTO_TEXT_LIMITS.creator),
  copyright: lineSchema('Copyright', PHOTO_TEXT_LIMITS.copyright),
  alt: lineSchema('Alt text', PHOTO_TEXT_LIMITS.alt),
});

/** Editing a photo's library metadata: the changed fields, at least one. */
export const updatePhotoInputSchema = photoTextSchema
  .partial()
  .strict()
  .refine((input) => Object.keys(input).length > 0, { error: 'Send at least one field to change' });

export type UpdatePhotoInput = z.input<typeof updatePhotoInputSchema>;
