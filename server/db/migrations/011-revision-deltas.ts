import type { Kysely } from 'kysely';

/**
 * A revision may be kept as what changed since the one before (`delta_of`, that revision's
 * number; its `snapshot` then holds the changed fields and the changed blocks), not the whole
 * story: a typing save of a 10,000-word story wrote a 70 KB snapshot for one changed paragraph.
 * Null for whole snapshots, and for every older row. See repositories/revision-fields.ts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('story_revisions').addColumn('delta_of', 'integer').execute();
}
