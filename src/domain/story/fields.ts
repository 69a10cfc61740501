import { z } from 'zod';
import { validateDocument } from '../document/validate';
import { DOCUMENT_LIMITS } from '../document/limits';
import type { BodyPatch } from './body-patch';
import type { DocumentJSON } from '../document/types';
import { photoIdSchema } from '../photos/id-schema';
import { PHOTO_TEXT_LIMITS } from '../photos/limits';
import { lineSchema } from '../api/line';
import { STORY_LIMITS } from './limits';
import { SECTION_KEYS } from './sections';

export const tagSchema = lineSchema('A tag', STORY_LIMITS.tag)
  .transform((tag) => tag.trim())
  .refine((tag) => tag.length > 0, { error: 'A tag cannot be empty' });

/** The body: checked against the shared document schema and returned normalised. */
export const documentBodySchema = z.unknown().transform((value, ctx): DocumentJSON => {
  const result = validateDocument(value);
  if (result.ok) return result.doc;
  for (const problem of result.problems) {
    ctx.addIssue({ code: 'custom', message: problem.path ? `${problem.path}: ${problem.message}` : problem.message });
  }
  return z.NEVER;
});

/**
 * The story's lead photo: which library photo, and the caption, credit and alt text for this
 * use (prefilled from the library, then the story's own). Null when the story has none.
 * `photoId` is null for a photo still to be found: imported wire copy named a picture (its
 * caption and credit) but brought no file; the photo desk picks it from the library, and the
 * publish checklist refuses the story until then.
 */
export const leadPhotoSchema = z
  .object(
    {
      photoId: photoIdSchema.nullable(),
      caption: lineSchema('Lead photo caption', PHOTO_TEXT_LIMITS.caption),
      credit: lineSchema('Lead photo credit', PHOTO_TEXT_LIMITS.credit),
      alt: lineSchema('Lead photo alt text', PHOTO_TEXT_LIMITS.alt),
    },
    { error: (issue) => (issue.code === 'invalid_type' ? 'Lead photo must be an object with photoId, caption, credit and alt, or null' : undefined) },
  )
  .strict()
  .nullable();

/** Every field of a story a person edits. The server accepts any subset of them in a save. */
export const storyFieldsSchema = z.object({
  headline: lineSchema('Headline', STORY_LIMITS.headline),
  standfirst: lineSchema('Standfirst', STORY_LIMITS.standfirst),
  byline: lineSchema('Byline', STORY_LIMITS.byline),
  dateline: lineSchema('Dateline', STORY_LIMITS.dateline),
  section: z.enum(SECTION_KEYS, { error: `Section must be one of: ${SECTION_KEYS.join(', ')}` }).nullable(),
  tags: z
    .array(tagSchema, { error: 'Tags must be a list of text' })
    .max(STORY_LIMITS.tags, { error: `A story can have at most ${STORY_LIMITS.tags} tags` })
    .refine((tags) => new Set(tags.map((tag) => tag.toLowerCase())).size === tags.length, {
      error: 'Each tag can appear only once',
    }),
  seoTitle: lineSchema('SEO title', STORY_LIMITS.seoTitle),
  seoDescription: lineSchema('SEO description', STORY_LIMITS.seoDescription),
  leadPhoto: leadPhotoSchema,
  body: documentBodySchema,
});

export type StoryFields = z.output<typeof storyFieldsSchema>;
export type LeadPhoto = NonNullable<StoryFields['leadPhoto']>;
export type StoryFieldName = keyof StoryFields;
export const STORY_FIELD_NAMES = Object.keys(storyFieldsSchema.shape) as StoryFieldName[];

/** Creating a story: any fields may be given; the rest start empty. */
export const createStoryInputSchema = storyFieldsSchema.partial().strict();

const blockIdSchema = z.string({ error: 'Block ids must be text' }).min(1, { error: 'A block id cannot be empty' }).max(200, { error: 'A block id can be at most 200 characters' });

/**
 * The body as the blocks that changed (see `body-patch.ts`). Only the sent blocks are checked
 * against the schema here, each with its id; the server checks the body they make with the
 * revision's other blocks once it has put them together.
 */
export const bodyPatchSchema = z
  .object(
    {
      // Left out: the base revision's blocks in its order (blocks edited in place).
      order: z.array(blockIdSchema).min(1, { error: 'A body needs at least one block' }).max(DOCUMENT_LIMITS.maxNodes).optional(),
      blocks: z.array(z.unknown()).max(DOCUMENT_LIMITS.maxNodes),
    },
    { error: 'bodyPatch must be an object with blocks (the changed blocks) and, unless the blocks keep their order, order (every block id)' },
  )
  .strict()
  .transform((patch, ctx): BodyPatch => {
    const withoutId = patch.blocks.findIndex((block) => typeof (block as { attrs?: { id?: unknown } } | null)?.attrs?.id !== 'string');
    if (withoutId !== -1) {
      ctx.addIssue({ code: 'custom', path: ['blocks', withoutId], message: 'every block in a body patch needs its id (attrs.id)' });
      return z.NEVER;
    }
    const order = patch.order ? { order: patch.order } : {};
    if (patch.blocks.length === 0) return { ...order, blocks: [] };
    const result = validateDocument({ type: 'doc', content: patch.blocks });
    if (result.ok) return { ...order, blocks: result.doc.content! };
    for (const problem of result.problems) {
      ctx.addIssue({ code: 'custom', message: `${problem.path.replace(/^content/, 'blocks') || 'blocks'}: ${problem.message}` });
    }
    return z.NEVER;
  });

/**
 * Saving a story: the changed fields, at least one, and nothing the client may not set. The
 * body comes whole (`body`) or as the blocks that changed (`bodyPatch`), not both.
 */
export const updateStoryInputSchema = storyFieldsSchema
  .partial()
  .extend({ bodyPatch: bodyPatchSchema.optional() })
  .strict()
  .refine((input) => Object.keys(input).length > 0, { error: 'Send at least one field to save' })
  .refine((input) => input.body === undefined || input.bodyPatch === undefined, { error: 'Send the body whole (body) or as changed blocks (bodyPatch), not both' });

export type CreateStoryInput = z.input<typeof createStoryInputSchema>;
export type UpdateStoryInput = z.input<typeof updateStoryInputSchema>;
