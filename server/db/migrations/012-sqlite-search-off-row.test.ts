import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../connection';
import { migrateToLatest, migrateUpTo } from '../migrate';
import { writeSearchText } from '../repositories/stories';
import { up as migration012 } from './012-sqlite-search-off-row';
import { createAccount } from '../../services/accounts';

describe('SQLite: a database from before the search text left the story row', () => {
  let database: DatabaseHandle | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await database?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const storiesWith = async (match: string) =>
    (await sql<{ id: string }>`select id from stories where seq in (select rowid from stories_fts where stories_fts match ${match})`.execute(database!.db)).rows.map((row) => row.id);

  /** A database as the release before left it: two stories, their search text in the row, indexed by the triggers. */
  async function olderDatabase() {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-migration-'));
    database = openDatabase({ dataDir });
    const { db } = database;
    await migrateUpTo(db, 'sqlite', '011-revision-deltas');
    const author = await createAccount(db, null, { email: 'old@example.org', name: 'Old Release', password: 'old-release-passphrase-1', role: 'reporter' });
    const now = new Date().toISOString();
    const story = (id: string, headline: string, text: string) => ({
      id, slug: id, status: 'draft', headline, standfirst: '', byline: 'Old Release', dateline: '', section: null, tags: '[]',
      seo_title: '', seo_description: '', lead_photo: null, body: '{"type":"doc","content":[]}', search_text: text,
      search_headline: headline.toLowerCase(), word_count: 3, revision: 1, live_revision: null, created_by: author.id,
      created_at: now, updated_at: now, published_at: null, scheduled_at: null,
    });
    await (db as Kysely<any>).insertInto('stories').values([story('harbour', 'Harbour tolls', 'harbour tolls quokka ferry'), story('depot', 'Tram depot', 'tram depot turntable')]).execute();
    expect(await storiesWith('quokka')).toEqual(['harbour']);
    return db;
  }

  it('keeps every story found by its words after the upgrade, drops the copy from the row, and re-indexes without it', async () => {
    const db = await olderDatabase();

    await migrateToLatest(db, 'sqlite');
    expect(await storiesWith('quokka')).toEqual(['harbour']);
    expect(await storiesWith('turntable')).toEqual(['depot']);
    expect(await storiesWith('search_headline : tolls')).toEqual(['harbour']);
    expect(await storiesWith('search_headline : quokka')).toEqual([]);
    const rows = await db.selectFrom('stories').select(['id', 'search_text']).orderBy('id').execute();
    expect(rows).toEqual([{ id: 'depot', search_text: '' }, { id: 'harbour', search_text: '' }]);

    // Re-indexed: the old words go without the old text to tokenise, the new ones come.
    expect(await writeSearchText(db, 'sqlite', 'harbour', 1, { search_text: 'harbour tolls platypus', search_headline: 'harbour tolls' })).toBe(true);
    expect(await storiesWith('quokka')).toEqual([]);
    expect(await storiesWith('platypus')).toEqual(['harbour']);
    expect(await storiesWith('turntable')).toEqual(['depot']);
    expect((await db.selectFrom('stories').select('search_text').where('id', '=', 'harbour').executeTakeFirstOrThrow()).search_text).toBe('');
  });
  it('runs again harmlessly when it was cut off after its work, before it was recorded: no word leaves the index', async () => {
    const db = await olderDatabase();
    await migration012(db, 'sqlite');
    await migrateToLatest(db, 'sqlite');
    expect(await storiesWith('quokka')).toEqual(['harbour']);
    expect(await storiesWith('turntable')).toEqual(['depot']);
  });

  it('leaves the old index whole when it fails partway (its statements are one transaction)', async () => {
    const db = await olderDatabase();
    // A failure after the old index is dropped and the new one made: the blanking of the rows is refused.
    await sql`CREATE TRIGGER refuse_blanking BEFORE UPDATE OF search_text ON stories BEGIN SELECT RAISE(ABORT, 'disk full'); END`.execute(db);
    await expect(migrateToLatest(db, 'sqlite')).rejects.toThrow(/012-sqlite-search-off-row/);
    await sql`DROP TRIGGER refuse_blanking`.execute(db);
    // Nothing of it stayed: the old index, with the triggers that keep it, is as it was.
    const { rows } = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where name in ('stories_fts', 'stories_fts_delete', 'stories_fts_insert', 'stories_fts_update') order by name`.execute(db);
    expect(rows.map((row) => row.name)).toEqual(['stories_fts', 'stories_fts_delete', 'stories_fts_insert', 'stories_fts_update']);
    expect(rows[0]!.sql).not.toContain('contentless');
    expect(await storiesWith('quokka')).toEqual(['harbour']);
    expect((await db.selectFrom('stories').select('search_text').where('id', '=', 'harbour').executeTakeFirstOrThrow()).search_text).toContain('quokka');
    // And the next start finishes it.
    await migrateToLatest(db, 'sqlite');
    expect(await storiesWith('quokka')).toEqual(['harbour']);
    expect((await db.selectFrom('stories').select('search_text').where('id', '=', 'harbour').executeTakeFirstOrThrow()).search_text).toBe('');
  });
});
