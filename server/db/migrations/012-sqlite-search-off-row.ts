import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connection';

/**
 * SQLite only: the full-text index keeps no copy of its text, and the story row none either.
 *
 * Until now `stories_fts` indexed `stories.search_text` as external content: every story row
 * carried its ~64 KB search text beside its 70 KB body, so every save rewrote both (SQLite writes
 * a changed row whole), and re-indexing first read and tokenised the old text to take its words
 * out. Now the index is contentless with `contentless_delete` (SQLite 3.43+; better-sqlite3
 * builds its own): a story's words are taken out by rowid alone, and the text is handed to the
 * index, not kept in the row (`stories.search_text` stays '' on SQLite; see
 * repositories/stories.ts, `indexSearchText`). PostgreSQL kept its search text in the row until
 * migration 014.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  // Kysely runs SQLite migrations outside a transaction: this one takes its own, so a run cut off
  // partway leaves the old index whole.
  await db.transaction().execute(async (trx) => {
    // Done already (cut off after this commit, before the migrator recorded it): the rows' copies
    // are gone, so the index must not be filled again from them.
    const { rows } = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE name = 'stories_fts'`.execute(trx);
    if (rows[0]?.sql.includes('contentless_delete')) return;
    for (const trigger of ['stories_fts_insert', 'stories_fts_delete', 'stories_fts_update']) await sql`DROP TRIGGER IF EXISTS ${sql.raw(trigger)}`.execute(trx);
    await sql`DROP TABLE IF EXISTS stories_fts`.execute(trx);
    await sql`
      CREATE VIRTUAL TABLE stories_fts USING fts5(
        search_headline, search_text,
        content='', contentless_delete=1,
        tokenize='unicode61 remove_diacritics 2', prefix='2 3'
      )`.execute(trx);
    await sql`INSERT INTO stories_fts(rowid, search_headline, search_text) SELECT seq, search_headline, search_text FROM stories`.execute(trx);
    await sql`UPDATE stories SET search_text = '' WHERE search_text <> ''`.execute(trx);
    // Stories are never deleted, but should one be, its words go with it.
    await sql`
      CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
        DELETE FROM stories_fts WHERE rowid = old.seq;
      END`.execute(trx);
  });
}
