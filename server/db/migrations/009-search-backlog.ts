import { sql, type Kysely } from 'kysely';

/**
 * Saves no longer rebuild a story's full-text index in the save itself: they mark the story
 * (`search_stale = 1`) and the search backlog (services/search-backlog.ts) indexes it after the
 * answer, once for any number of saves in between. The partial index finds the marked few.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stories').addColumn('search_stale', 'integer', (column) => column.notNull().defaultTo(0)).execute();
  await sql`CREATE INDEX stories_search_stale ON stories (id) WHERE search_stale = 1`.execute(db);
}
