import type { HistoryEntry, HistoryResponse, RevisionComparison, RevisionResponse } from '../../src/domain/api/history';
import type { SavedStory } from '../../src/domain/api/stories';
import type { SessionUser } from '../../src/domain/api/users';
import { can } from '../../src/domain/auth/permissions';
import { sameJSON } from '../../src/domain/story/merge';
import { groupRevisions } from '../../src/domain/story/history';
import type { StoryFieldName } from '../../src/domain/story/fields';
import { findRevision, listRevisionMeta } from '../db/repositories/revisions';
import { checkpointsOf } from './revision-thinning';
import { forbidden, notFound } from '../errors';
import { diffStoryFields } from './story-diff';
import { saveStory, visibleStory, type StoryStore } from './stories';
import { fieldsOf } from '../../src/domain/story/fields-of';

/** The story's history, newest first: runs of saves by one person read as one entry. */
export async function listHistory(store: StoryStore, actor: SessionUser, storyId: string): Promise<HistoryResponse> {
  const { story } = await visibleStory(store, actor, storyId);
  const rows = await listRevisionMeta(store.db, storyId);
  const groups = groupRevisions(rows, await checkpointsOf(store.db, storyId));
  const items: HistoryEntry[] = groups.map(({ last, revisions, checkpoints }) => ({
    revision: last.revision,
    fromRevision: revisions[0].revision,
    savedAt: last.savedAt,
    savedBy: { id: last.savedBy, name: last.savedByName },
    note: last.note,
    checkpoints,
    live: story.liveRevision !== null && revisions.some((row) => row.revision === story.liveRevision),
  }));
  return { items: items.reverse() };
}

async function revisionOf(store: StoryStore, storyId: string, revision: number) {
  const found = await findRevision(store.db, storyId, revision);
  if (!found) throw notFound(`Revision ${revision} of this story is not kept (saves within a few minutes of each other are kept as one)`);
  return found;
}

export async function getRevision(store: StoryStore, actor: SessionUser, storyId: string, revision: number): Promise<RevisionResponse> {
  await visibleStory(store, actor, storyId);
  const found = await revisionOf(store, storyId, revision);
  return { revision: found.revision, savedAt: found.saved_at, savedBy: { id: found.saved_by, name: found.saved_by_name }, fields: found.fields };
}

/** A word-level diff between two revisions: headline, standfirst, captions, body text and the rest. */
export async function compareRevisions(store: StoryStore, actor: SessionUser, storyId: string, from: number, to: number): Promise<RevisionComparison> {
  await visibleStory(store, actor, storyId);
  const [before, after] = [await revisionOf(store, storyId, from), await revisionOf(store, storyId, to)];
  return { from, to, changes: diffStoryFields(before.fields, after.fields) };
}

/** Puts a revision's words back as a new revision (nothing in between is lost: it stays in the history). */
export async function restoreRevision(store: StoryStore, actor: SessionUser, storyId: string, revision: number): Promise<SavedStory> {
  const { story } = await visibleStory(store, actor, storyId);
  if (!can(actor, 'story:edit', story)) throw forbidden('Only someone who may edit the story can restore an earlier version of it');
  const { fields } = await revisionOf(store, storyId, revision);
  const current = fieldsOf(story);
  const changes = Object.fromEntries(
    (Object.keys(fields) as StoryFieldName[]).filter((field) => !sameJSON(fields[field], current[field])).map((field) => [field, fields[field]]),
  );
  if (Object.keys(changes).length === 0) return story;
  return saveStory(store, actor, storyId, { baseRevision: story.revision, editorId: null, changes, note: `Restored from revision ${revision}` });
}
