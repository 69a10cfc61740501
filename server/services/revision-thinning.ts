import type { StoryStatus } from '../../src/domain/story/status';
import { STATUS_LABELS } from '../../src/domain/story/status';
import { groupRevisions } from '../../src/domain/story/history';
import { deleteRevisions, listCheckpointRevisions, listRevisionMeta } from '../db/repositories/revisions';
import { inTransaction, type Db } from '../db/transaction';
import { keepWhole } from '../db/repositories/revision-fields';

/** How often (in revisions) a save also thins the story's old history. */
export const THIN_EVERY_REVISIONS = 25;

/** Names of the workflow moves and corrections made at each revision. */
export async function checkpointsOf(db: Db, storyId: string): Promise<Map<number, string[]>> {
  const byRevision = new Map<number, string[]>();
  for (const event of await listCheckpointRevisions(db, storyId)) {
    const name = event.kind === 'correction' ? 'Correction published' : STATUS_LABELS[event.to_status as StoryStatus] ?? event.to_status;
    byRevision.set(event.revision, [...(byRevision.get(event.revision) ?? []), name]);
  }
  return byRevision;
}

/** Revisions younger than this are all kept: open editors may still merge against them. */
export const KEEP_ALL_REVISIONS_MS = 60 * 60 * 1000;

/**
 * Thins a story's history: inside each entry older than an hour only its last revision stays,
 * besides every revision readers see or the scheduler will publish.
 */
export async function thinRevisions(db: Db, storyId: string, now = new Date()): Promise<number> {
  const story = await db.selectFrom('stories').select(['live_revision', 'approved_revision', 'revision']).where('id', '=', storyId).executeTakeFirst();
  if (!story) return 0;
  const keep = [story.live_revision, story.approved_revision, story.revision];
  const cutoff = new Date(now.getTime() - KEEP_ALL_REVISIONS_MS).toISOString();
  const rows = await listRevisionMeta(db, storyId);
  const checkpoints = await checkpointsOf(db, storyId);
  const kept = new Set([...keep.filter((revision): revision is number => revision !== null), ...checkpoints.keys()]);
  const groups = groupRevisions(rows, checkpoints);
  const doomed = groups
    .flatMap((group) => group.revisions.slice(0, -1))
    .filter((row) => row.savedAt < cutoff && !kept.has(row.revision))
    .map((row) => row.revision);
  if (doomed.length === 0) return 0;
  await inTransaction(db, async (trx) => {
    // A kept revision stored as changes to one that goes is made whole first. Saves add only
    // revisions on the current one, which is kept, so none can come to rest on a doomed one.
    const gone = new Set(doomed);
    const resting = await trx.selectFrom('story_revisions').select('revision').where('story_id', '=', storyId).where('delta_of', 'in', doomed).execute();
    for (const { revision } of resting) if (!gone.has(revision)) await keepWhole(trx, storyId, revision);
    await deleteRevisions(trx, storyId, doomed);
  });
  return doomed.length;
}
