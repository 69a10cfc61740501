import type { SessionUser } from '../../src/domain/api/users';
import type { PendingChangesResponse } from '../../src/domain/story/changes';
import { conflict } from '../errors';
import { revisionFields } from '../db/repositories/revision-fields';
import { diffStoryFields } from './story-diff';
import { visibleStory, type StoryStore } from './stories';

/**
 * What publishing the update of a published story would change for readers: a word-level diff
 * (jsdiff) of the live revision against the working copy, field by field, unchanged fields left out.
 */
export async function pendingChanges(store: StoryStore, actor: SessionUser, id: string): Promise<PendingChangesResponse> {
  const { story } = await visibleStory(store, actor, id);
  if (story.liveRevision === null) throw conflict('The story has never been published: everything in it is new');
  const live = await revisionFields(store.db, id, story.liveRevision);
  if (!live) throw new Error(`The live revision ${story.liveRevision} of story ${id} is not kept`);
  return { liveRevision: story.liveRevision, revision: story.revision, changes: diffStoryFields(live, story) };
}
