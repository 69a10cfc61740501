import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connection';

/**
 * PostgreSQL only: a story's tsvector moves off the story row, into `story_search`, and the row
 * keeps no copy of its search text (`stories.search_text` stays '', as on SQLite since 012).
 *
 * The tsvector was a generated column of `stories`, GIN-indexed. Every save changes indexed
 * columns of the row (`updated_at`, `search_stale`), so no save is a HOT update: PostgreSQL adds
 * the new row version to every index of the table, and to a GIN index that is an entry for every
 * distinct word of the story, ~3,000 for a 70 KB story of a real story's breadth, whether the words
 * changed or not (6 ms of the database's CPU per save; docs/benchmarks.md, "PostgreSQL's saves and
 * the GIN index"). In a table of its own, the tsvector is written, and its words indexed, only
 * when a story is created and when the search backlog indexes its new text.
 *
 * Blanking `search_text` rewrites every story row once, at the upgrade, holding the table's lock
 * (the DROP COLUMN takes it anyway); the old texts' space is freed as autovacuum passes.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  // Run in the migration's transaction (PostgreSQL's DDL is transactional): all of it or none.
  await sql`
    CREATE TABLE story_search (
      story_id text PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
      search tsvector NOT NULL
    )`.execute(db);
  await sql`DO $$
    BEGIN
      ALTER TABLE story_search ALTER COLUMN search SET COMPRESSION lz4;
    EXCEPTION WHEN feature_not_supported OR syntax_error THEN
      RAISE NOTICE 'LZ4 is not available in this PostgreSQL; the tsvector stays compressed with pglz';
    END $$`.execute(db);
  await sql`INSERT INTO story_search (story_id, search) SELECT id, search FROM stories`.execute(db);
  // Built after the rows are in: one sorted build, not an insert per story.
  await sql`CREATE INDEX story_search_words ON story_search USING GIN (search)`.execute(db);
  await sql`DROP INDEX stories_search`.execute(db);
  await sql`ALTER TABLE stories DROP COLUMN search`.execute(db);
  await sql`UPDATE stories SET search_text = '' WHERE search_text <> ''`.execute(db);
  // Searches tell common words by the table's statistics (repositories/stories.ts, `surelyCommon`):
  // here at once, rather than when autovacuum first analyzes the new table.
  await sql`ANALYZE story_search`.execute(db);
}
