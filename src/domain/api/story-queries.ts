import { z } from 'zod';
import { SECTION_KEYS } from '../story/sections';
import { STORY_STATUSES } from '../story/status';
import { recordIdSchema } from './id-schema';
import { STORY_LIST_LIMITS, STORY_REFS_LIMIT } from './stories';

/** Query strings of the story list and refs endpoints (zod: server side; the SPA imports only types). */
export const storyListQuerySchema = z
  .object({
    /** One state, or several separated by commas (`submitted,ready`). */
    status: z
      .string()
      .transform((value) => value.split(',').filter(Boolean))
      .pipe(
        z
          .array(z.enum(STORY_STATUSES, { error: `status must be one or more of: ${STORY_STATUSES.join(', ')}` }))
          .min(1, { error: 'status: name a state' })
          .max(STORY_STATUSES.length),
      )
      .optional(),
    section: z.enum(SECTION_KEYS, { error: `section must be one of: ${SECTION_KEYS.join(', ')}` }).optional(),
    q: z
      .string()
      .trim()
      .max(STORY_LIST_LIMITS.maxQueryChars, { error: `search can be at most ${STORY_LIST_LIMITS.maxQueryChars} characters` })
      .optional(),
    /** A user id, or "me". */
    author: z.union([z.literal('me'), recordIdSchema], { error: 'author must be a user id or "me"' }).optional(),
    /** `incomplete`: only stories whose photos lack a caption, credit or alt text (the photo desk). */
    photos: z.enum(['incomplete'], { error: 'photos must be "incomplete"' }).optional(),
    /** `headline` searches headlines only (the story picker). */
    scope: z.enum(['all', 'headline'], { error: 'scope must be "all" or "headline"' }).optional(),
    cursor: z.string().max(512).optional(),
    limit: z.coerce
      .number({ error: 'limit must be a number' })
      .int({ error: 'limit must be a whole number' })
      .min(1, { error: 'limit must be at least 1' })
      .max(STORY_LIST_LIMITS.maxLimit, { error: `limit can be at most ${STORY_LIST_LIMITS.maxLimit}` })
      .default(STORY_LIST_LIMITS.defaultLimit),
  })
  .strict();

export type StoryListQuery = z.input<typeof storyListQuerySchema>;



export const storyRefsQuerySchema = z
  .object({
    ids: z
      .string()
      .transform((value) => value.split(',').filter(Boolean))
      .pipe(z.array(recordIdSchema).min(1, { error: 'ids: name at least one story' }).max(STORY_REFS_LIMIT, { error: `ids: at most ${STORY_REFS_LIMIT} at a time` })),
  })
  .strict();

