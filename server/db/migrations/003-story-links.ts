import { sql, type Kysely } from 'kysely';
import { foldForSearch } from '../../../src/domain/document/text';
import type { Dialect } from '../connection';

/**
 * "Linked from": an index of which story's body points to which (read-also blocks and story
 * links), kept up to date on every save. And headline-only search for the story picker: the
 * folded headline gets its own column in the full-text index.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('story_links')
    .addColumn('source_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('target_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('story_links_pk', ['source_id', 'target_id'])
    .execute();
  await db.schema.createIndex('story_links_target').on('story_links').columns(['target_id', 'source_id']).execute();

  await db.schema.alterTable('stories').addColumn('search_headline', 'text', (c) => c.notNull().defaultTo('')).execute();
  const rows = await db.selectFrom('stories').select(['id', 'headline']).execute();
  for (const row of rows as Array<{ id: string; headline: string }>) {
    await db.updateTable('stories').set({ search_headline: foldForSearch(row.headline) }).where('id', '=', row.id).execute();
  }

  if (dialect === 'sqlite') {
    for (const trigger of ['stories_fts_insert', 'stories_fts_delete', 'stories_fts_update']) await sql`DROP TRIGGER ${sql.raw(trigger)}`.execute(db);
    await sql`DROP TABLE stories_fts`.execute(db);
    await sql`
      CREATE VIRTUAL TABLE stories_fts USING fts5(
        search_headline, search_text,
        content='stories', content_rowid='seq',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3'
      )`.execute(db);
    await sql`
      CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
        INSERT INTO stories_fts(rowid, search_headline, search_text) VALUES (new.seq, new.search_headline, new.search_text);
      END`.execute(db);
    await sql`
      CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
        INSERT INTO stories_fts(stories_fts, rowid, search_headline, search_text) VALUES ('delete', old.seq, old.search_headline, old.search_text);
      END`.execute(db);
    await sql`
      CREATE TRIGGER stories_fts_update AFTER UPDATE OF search_headline, search_text ON stories BEGIN
        INSERT INTO stories_fts(stories_fts, rowid, search_headline, search_text) VALUES ('delete', old.seq, old.search_headline, old.search_text);
        INSERT INTO stories_fts(rowid, search_headline, search_text) VALUES (new.seq, new.search_headline, new.search_text);
      END`.execute(db);
    await sql`INSERT INTO stories_fts(stories_fts) VALUES ('rebuild')`.execute(db);
  } else {
    await sql`DROP INDEX stories_search`.execute(db);
    await sql`ALTER TABLE stories DROP COLUMN search`.execute(db);
    // Headline words carry weight A, so a search can ask for headline matches only ("word:*A").
    await sql`
      ALTER TABLE stories ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', search_headline), 'A') || to_tsvector('simple', search_text)
      ) STORED`.execute(db);
    await sql`CREATE INDEX stories_search ON stories USING GIN (search)`.execute(db);
  }
}
