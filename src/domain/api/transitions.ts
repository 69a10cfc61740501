import { z } from 'zod';
import { NOTE_MAX } from '../story/limits';
import { STORY_STATUSES } from '../story/status';

export { NOTE_MAX };

/** `POST /api/stories/:id/transitions`: move a story; a note when sending back, a time when scheduling. */
export const transitionInputSchema = z
  .object({
    to: z.enum(STORY_STATUSES, { error: `to must be one of: ${STORY_STATUSES.join(', ')}` }),
    note: z
      .string({ error: 'note must be text' })
      .trim()
      .max(NOTE_MAX, { error: `A note can be at most ${NOTE_MAX} characters` })
      .refine((note) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(note), { error: 'A note cannot contain control characters' })
      .optional(),
    scheduledAt: z.iso.datetime({ error: 'scheduledAt must be a date and time, e.g. 2026-12-01T06:00:00Z', offset: true }).optional(),
  })
  .strict();

export type TransitionInput = z.input<typeof transitionInputSchema>;
