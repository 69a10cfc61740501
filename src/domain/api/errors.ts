import { z } from 'zod';

/** Every error code the API answers with. The HTTP status says the class; the code says which. */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'checklist_failed',
  'precondition_required',
  /** A body patch the server cannot apply (the revision it was made on is no longer kept, or it names blocks that revision lacks): send the whole body. */
  'precondition_failed',
  'payload_too_large',
  'unsupported_media_type',
  /** An upload that claims to be an image but is damaged, cut short, or hides something else. */
  'invalid_image',
  /** Copy sent to the importer that cannot be read as the format named (binary, malformed, a DTD). */
  'invalid_import',
  'too_many_requests',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one shape of every error answer: `{ "error": { "code", "message", "details"? } }`. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
