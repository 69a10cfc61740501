import type { Kysely } from 'kysely';

/**
 * The revision each save was made on: the one before for a save made on the latest, older for a
 * save merged with others' (its content is then more than its editor has seen). A retried save
 * merges against its editor's own direct saves (see `latestOwnRevisionAfter`). Null for older rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('story_revisions').addColumn('base_revision', 'integer').execute();
}
