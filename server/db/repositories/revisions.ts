import type { RevisionMeta } from '../../../src/domain/story/history';
import type { Db } from '../transaction';
import { revisionFields } from './revision-fields';

/** A story's revisions without their snapshots, oldest first, with the names of who saved them. */
export async function listRevisionMeta(db: Db, storyId: string): Promise<Array<RevisionMeta & { savedByName: string }>> {
  const rows = await db
    .selectFrom('story_revisions')
    .innerJoin('users', 'users.id', 'story_revisions.saved_by')
    .select(['story_revisions.revision', 'story_revisions.saved_by', 'story_revisions.saved_at', 'story_revisions.note', 'users.name as saved_by_name'])
    .where('story_revisions.story_id', '=', storyId)
    .orderBy('story_revisions.revision')
    .execute();
  return rows.map((row) => ({ revision: row.revision, savedBy: row.saved_by, savedAt: row.saved_at, note: row.note, savedByName: row.saved_by_name }));
}

export async function findRevision(db: Db, storyId: string, revision: number) {
  const row = await db
    .selectFrom('story_revisions')
    .innerJoin('users', 'users.id', 'story_revisions.saved_by')
    .select(['story_revisions.revision', 'story_revisions.saved_by', 'story_revisions.saved_at', 'users.name as saved_by_name'])
    .where('story_revisions.story_id', '=', storyId)
    .where('story_revisions.revision', '=', revision)
    .executeTakeFirst();
  const fields = row && (await revisionFields(db, storyId, revision));
  // Either one missing: the revision is not kept (thinning may remove it between the two reads).
  return fields ? { ...row!, fields } : undefined;
}

/** The revisions workflow moves and corrections were made at: checkpoints of the history. */
export function listCheckpointRevisions(db: Db, storyId: string) {
  return db
    .selectFrom('story_events')
    .select(['revision', 'kind', 'to_status'])
    .where('story_id', '=', storyId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function deleteRevisions(db: Db, storyId: string, revisions: number[]): Promise<void> {
  if (revisions.length === 0) return;
  await db.deleteFrom('story_revisions').where('story_id', '=', storyId).where('revision', 'in', revisions).execute();
}
