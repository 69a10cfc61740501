import { z } from 'zod';
import { PHOTO_ID_PATTERN } from './ids';

/** A photo id in a request (path parameter or document attribute), validated with a readable error. */
export const photoIdSchema = z.string().regex(PHOTO_ID_PATTERN, { error: 'not a photo id (64 hex digits)' });
