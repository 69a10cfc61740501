import type { Kysely } from 'kysely';

/**
 * The revision a chief editor approved (or scheduled). A scheduled story publishes exactly that
 * revision: later edits wait as an update, as they do after publication.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stories').addColumn('approved_revision', 'integer').execute();
}
