import { z } from 'zod';
import { recordIdSchema } from './ids';
import type { DocumentJSON } from '../document/types';
import type { LeadPhoto } from '../story/fields';
import { SECTION_KEYS, type Section } from '../story/sections';
import { STORY_STATUSES, type StoryStatus } from '../story/status';

/** A story as the API returns it. */
export interface Story {
  id: string;
  slug: string;
  status: StoryStatus;
  headline: string;
  standfirst: string;
  byline: string;
  authorIds: string[];
  dateline: string;
  section: Section | null;
  tags: string[];
  seoTitle: string;
  seoDescription: string;
  /** The photo at the top of the story, with this story's caption, credit and alt text for it. */
  leadPhoto: LeadPhoto | null;
  body: DocumentJSON;
  /** +1 on every accepted save; send it back as `If-Match`. */
  revision: number;
  /** The revision the public site shows; null until published. */
  liveRevision: number | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  scheduledAt: string | null;
  wordCount: number;
}

/** A row of the story list: everything but the body. */
export type StorySummary = Omit<Story, 'body'>;

export interface StoryListResponse {
  items: StorySummary[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const STORY_LIST_LIMITS = { defaultLimit: 30, maxLimit: 100, maxQueryChars: 200 } as const;

export const storyListQuerySchema = z
  .object({
    status: z.enum(STORY_STATUSES, { error: `status must be one of: ${STORY_STATUSES.join(', ')}` }).optional(),
    section: z.enum(SECTION_KEYS, { error: `section must be one of: ${SECTION_KEYS.join(', ')}` }).optional(),
    q: z
      .string()
      .trim()
      .max(STORY_LIST_LIMITS.maxQueryChars, { error: `search can be at most ${STORY_LIST_LIMITS.maxQueryChars} characters` })
      .optional(),
    /** A user id, or "me". */
    author: z.union([z.literal('me'), recordIdSchema], { error: 'author must be a user id or "me"' }).optional(),
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

/** A 409 answer to a stale save carries the story as it now is. */
export interface ConflictDetails {
  currentRevision: number;
  story: Story;
}
