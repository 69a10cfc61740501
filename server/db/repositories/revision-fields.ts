import { sql } from 'kysely';
import { applyBodyPatch, diffBody, type BodyPatch } from '../../../src/domain/story/body-patch';
import type { StoryFields } from '../../../src/domain/story/fields';
import { fieldsOf } from '../../../src/domain/story/fields-of';
import { sameJSON } from '../../../src/domain/story/merge';
import type { Db } from '../transaction';
import { bodyText } from '../stored-bodies';

/**
 * Revisions kept as changes. Most saves change a paragraph of a long story; a whole snapshot per
 * save wrote 70 KB for it (a fifth to a third of a save's cost on both databases, see
 * docs/benchmarks.md). So a save's revision is kept as what changed since the revision before
 * (`delta_of`): the fields that changed and the body's changed blocks, as a body patch. Every
 * WHOLE_SNAPSHOT_EVERY-th revision is whole, and so is the first, one whose body cannot be told
 * block by block, one readers see (made whole when it goes live), and one whose predecessor
 * thinning removes; reading a revision applies at most that many changes to a whole snapshot.
 */

/** What a revision kept as changes holds. */
export interface RevisionDelta {
  /** The fields other than the body that changed, with their new values. */
  fields: Partial<Omit<StoryFields, 'body'>>;
  /** The body's changed blocks (and the order, when it changed); absent when the body did not change. */
  body?: BodyPatch;
}

/** A whole snapshot every this many revisions, so reading one applies at most this many changes. */
export const WHOLE_SNAPSHOT_EVERY = 16;

/**
 * How `after` differs from `before`, or null when it is better kept whole: the body's blocks
 * cannot be named one by one (a block without an id, or an id used twice).
 */
export function revisionDelta(before: StoryFields, after: StoryFields): RevisionDelta | null {
  const fields: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fieldsOf(after))) {
    if (field !== 'body' && !sameJSON(value, before[field as keyof StoryFields])) fields[field] = value;
  }
  if (after.body === before.body) return { fields };
  const body = diffBody(before.body, after.body);
  return body ? { fields, body } : null;
}

/** A whole snapshot's text: the story's editable fields, as `fieldsOf` picks them (the body's blocks serialised once, see `bodyText`). */
export function wholeSnapshot(fields: StoryFields): string {
  const { body, ...rest } = fieldsOf(fields);
  return `${JSON.stringify(rest).slice(0, -1)},"body":${bodyText(body)}}`;
}

/**
 * A story's editable fields at `revision`: its whole snapshot, or the nearest whole one before
 * it with the changes since applied. Null when that revision is not kept.
 */
export async function revisionFields(db: Db, storyId: string, revision: number): Promise<StoryFields | null> {
  const rows = await db
    .selectFrom('story_revisions')
    .select(['revision', 'snapshot', 'delta_of'])
    .where('story_id', '=', storyId)
    .where('revision', '<=', revision)
    .where(
      'revision',
      '>=',
      sql<number>`coalesce((select max(revision) from story_revisions where story_id = ${storyId} and revision <= ${revision} and delta_of is null), 0)`,
    )
    .orderBy('revision')
    .execute();
  if (rows.at(-1)?.revision !== revision) return null;
  const [first, ...changes] = rows;
  if (first!.delta_of !== null) throw brokenChain(storyId, revision, `no whole snapshot before revision ${first!.revision}`);
  // Snapshots from before stories had lead photos have none: then there was none.
  let fields: StoryFields = { leadPhoto: null, ...(JSON.parse(first!.snapshot) as Omit<StoryFields, 'leadPhoto'>) };
  let previous = first!.revision;
  for (const row of changes) {
    if (row.delta_of !== previous) throw brokenChain(storyId, revision, `revision ${row.revision} is kept as changes to ${row.delta_of}, not to ${previous}`);
    fields = applyDelta(fields, JSON.parse(row.snapshot) as RevisionDelta, storyId, row.revision);
    previous = row.revision;
  }
  return fields;
}

function applyDelta(fields: StoryFields, delta: RevisionDelta, storyId: string, revision: number): StoryFields {
  const next = { ...fields, ...delta.fields } as StoryFields;
  if (!delta.body) return next;
  const body = applyBodyPatch(fields.body, delta.body);
  if (!body.ok) throw brokenChain(storyId, revision, body.message);
  return { ...next, body: body.doc };
}

/** Not a state the server makes: a revision row removed or changed by hand. */
function brokenChain(storyId: string, revision: number, why: string): Error {
  return new Error(`Revision ${revision} of story ${storyId} cannot be read: ${why}`);
}

/**
 * Keeps `revision` whole from now on (if it is kept as changes): for a revision readers see, and
 * for one whose predecessor is about to be removed.
 */
export async function keepWhole(db: Db, storyId: string, revision: number): Promise<void> {
  const row = await db.selectFrom('story_revisions').select('delta_of').where('story_id', '=', storyId).where('revision', '=', revision).executeTakeFirst();
  if (!row || row.delta_of === null) return;
  const fields = await revisionFields(db, storyId, revision);
  // Removed meanwhile (thinning in another process): nothing to keep.
  if (!fields) return;
  await db
    .updateTable('story_revisions')
    .set({ snapshot: wholeSnapshot(fields), delta_of: null })
    .where('story_id', '=', storyId)
    .where('revision', '=', revision)
    .execute();
}
