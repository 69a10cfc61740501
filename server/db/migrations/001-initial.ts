import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connection';

/** Accounts, sessions, login throttling, stories with their authors, revisions and search index. */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_login_at', 'text')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .execute();

  let stories = db.schema.createTable('stories');
  stories =
    dialect === 'sqlite'
      ? // An integer key that VACUUM cannot renumber, for the external-content FTS5 index.
        stories.addColumn('seq', 'integer', (c) => c.primaryKey()).addColumn('id', 'text', (c) => c.notNull().unique())
      : stories.addColumn('id', 'text', (c) => c.primaryKey());
  await stories
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('standfirst', 'text', (c) => c.notNull())
    .addColumn('byline', 'text', (c) => c.notNull())
    .addColumn('dateline', 'text', (c) => c.notNull())
    .addColumn('section', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('seo_title', 'text', (c) => c.notNull())
    .addColumn('seo_description', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('live_revision', 'integer')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('scheduled_at', 'text')
    .execute();
  // The list is ordered by last change (keyset pagination on updated_at, id), often filtered.
  await db.schema.createIndex('stories_updated').on('stories').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('stories_status_updated').on('stories').columns(['status', 'updated_at', 'id']).execute();
  await db.schema.createIndex('stories_section_updated').on('stories').columns(['section', 'updated_at', 'id']).execute();

  await db.schema
    .createTable('story_authors')
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('story_authors_pk', ['story_id', 'user_id'])
    .execute();
  await db.schema.createIndex('story_authors_user').on('story_authors').columns(['user_id', 'story_id']).execute();

  await db.schema
    .createTable('story_revisions')
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addColumn('editor_id', 'text')
    .addPrimaryKeyConstraint('story_revisions_pk', ['story_id', 'revision'])
    .execute();

  if (dialect === 'sqlite') await createSqliteSearch(db);
  else await createPostgresSearch(db);
}

/** FTS5 over the story's search text (headline, standfirst, body), kept in step by triggers. */
async function createSqliteSearch(db: Kysely<any>) {
  await sql`
    CREATE VIRTUAL TABLE stories_fts USING fts5(
      search_text,
      content='stories', content_rowid='seq',
      tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    )`.execute(db);
  await sql`
    CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
      INSERT INTO stories_fts(rowid, search_text) VALUES (new.seq, new.search_text);
    END`.execute(db);
  await sql`
    CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
      INSERT INTO stories_fts(stories_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
    END`.execute(db);
  await sql`
    CREATE TRIGGER stories_fts_update AFTER UPDATE OF search_text ON stories BEGIN
      INSERT INTO stories_fts(stories_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
      INSERT INTO stories_fts(rowid, search_text) VALUES (new.seq, new.search_text);
    END`.execute(db);
}

/** A tsvector column computed by PostgreSQL itself from the search text, with a GIN index. */
async function createPostgresSearch(db: Kysely<any>) {
  await sql`
    ALTER TABLE stories ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED`.execute(db);
  await sql`CREATE INDEX stories_search ON stories USING GIN (search)`.execute(db);
}
