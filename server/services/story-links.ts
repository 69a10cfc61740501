import type { StoryRef } from '../../src/domain/api/stories';
import type { SessionUser } from '../../src/domain/api/users';
import { can } from '../../src/domain/auth/permissions';
import { storyReferences } from '../../src/domain/document/references';
import type { DocumentJSON } from '../../src/domain/document/types';
import type { StoryStatus } from '../../src/domain/story/status';
import { existingStoryIds, findBacklinkIds, findStoryRefs } from '../db/repositories/stories';
import type { Db } from '../db/transaction';
import { forbidden, validationFailed } from '../errors';

/**
 * The stories a body points to, checked: each must exist and none may be the story itself.
 * Returns their ids for the "linked from" index.
 */
/** More distinct stories than any real story points to; keeps every lookup one bounded query. */
export const MAX_STORY_REFERENCES = 200;

export async function checkReferences(db: Db, storyId: string, body: DocumentJSON): Promise<string[]> {
  const references = storyReferences(body);
  if (references.length > MAX_STORY_REFERENCES) {
    throw validationFailed(`body: a story can point to at most ${MAX_STORY_REFERENCES} other stories (this one points to ${references.length})`);
  }
  if (references.includes(storyId)) throw validationFailed('body: a story cannot point to itself in "Read also" or a link');
  const existing = await existingStoryIds(db, references);
  const missing = references.filter((id) => !existing.has(id));
  if (missing.length > 0) {
    throw validationFailed(`body: "Read also" or a link points to a story that does not exist: ${missing.slice(0, 3).join(', ')}`, { missing });
  }
  return references;
}

/** Stories as other stories show them, for those the viewer may see; others are left out. */
export async function storyRefs(db: Db, viewer: SessionUser, ids: string[]): Promise<StoryRef[]> {
  if (!can(viewer, 'story:list')) throw forbidden('Your role has no access to stories');
  const rows = await findStoryRefs(db, [...new Set(ids)]);
  return rows
    .filter((row) => can(viewer, 'story:view', { status: row.status as StoryStatus, authorIds: row.authorIds }))
    .map((row) => ({
      id: row.id,
      slug: row.slug,
      status: row.status as StoryStatus,
      headline: row.headline,
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
    }));
}

/** "Linked from": the stories whose bodies point to this one, that the viewer may see, latest change first. */
export async function backlinks(db: Db, viewer: SessionUser, storyId: string): Promise<StoryRef[]> {
  const refs = await storyRefs(db, viewer, await findBacklinkIds(db, storyId));
  return refs.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}
