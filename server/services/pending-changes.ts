import type { SessionUser } from '../../src/domain/api/users';
import type { PendingChangesResponse } from '../../src/domain/story/changes';
import type { StoryFields } from '../../src/domain/story/fields';
import { conflict } from '../errors';
import { diffStoryFields } from './story-diff';
import { visibleStory, type StoryStore } from './stories';

/**
 * What publishing the update of a published story would change for readers: a word-level diff
 * (jsdiff) of the live revision against the working copy, field by field, unchanged fields left out.
 */
export async function pendingChanges(store: StoryStore, actor: SessionUser, id: string): Promise<PendingChangesResponse> {
  const { story } = await visibleStory(store, actor, id);
  if (story.liveRevision === null) throw conflict('The story has never been published: everything in it is new');
  const row = await store.db
    .selectFrom('story_revisions')
    .select('snapshot')
    .where('story_id', '=', id)
    .where('revision', '=', story.liveRevision)
    .executeTakeFirstOrThrow();
  const live = JSON.parse(row.snapshot) as StoryFields;
  return { liveRevision: story.liveRevision, revision: story.revision, changes: diffStoryFields(live, story) };
}
