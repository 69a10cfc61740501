import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connection';

/**
 * PostgreSQL only: the long JSON and text columns compressed with LZ4 instead of the default
 * pglz. Every save writes a 70 KB body and a 70 KB revision snapshot; pglz spent about 2 ms of
 * the database's CPU per 120 KB written, LZ4 under 0.5 ms, for the same size on disk (measured
 * with `UPDATE`s in psql, see docs/benchmarks.md). Applies to values written from now on. A
 * server built without LZ4 (or older than 14, which has no SET COMPRESSION) keeps pglz:
 * nothing else depends on it.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`DO $$
    BEGIN
      ALTER TABLE stories ALTER COLUMN body SET COMPRESSION lz4, ALTER COLUMN search_text SET COMPRESSION lz4;
      ALTER TABLE story_revisions ALTER COLUMN snapshot SET COMPRESSION lz4;
    EXCEPTION WHEN feature_not_supported OR syntax_error THEN
      RAISE NOTICE 'LZ4 is not available in this PostgreSQL; long columns stay compressed with pglz';
    END $$`.execute(db);
}
