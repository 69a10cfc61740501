import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../connection';
import { migrateToLatest, migrateUpTo } from '../migrate';
import { writeSearchText } from '../repositories/stories';
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

  it('keeps every story found by its words after the upgrade, drops the copy from the row, and re-indexes without it', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-migration-'));
    database = openDatabase({ dataDir });
    const { db } = database;
    await migrateUpTo(db, 'sqlite', '011-revision-deltas');
    const author = await createAccount(db, null, { email: 'old@example.org', name: 'Old Release', password: 'old-release-passphrase-1', role: 'reporter' });
    const now = new Date().toISOString();
    // As the release before wrote a story: its search text in the row, indexed by the triggers.
    const story = (id: string, headline: string, text: string) => ({
      id, slug: id, status: 'draft', headline, standfirst: '', byline: 'Old Release', dateline: '', section: null, tags: '[]',
      seo_title: '', seo_description: '', lead_photo: null, body: '{"type":"doc","content":[]}', search_text: text,
      search_headline: headline.toLowerCase(), word_count: 3, revision: 1, live_revision: null, created_by: author.id,
      created_at: now, updated_at: now, published_at: null, scheduled_at: null,
    });
    await db.insertInto('stories').values([story('harbour', 'Harbour tolls', 'harbour tolls quokka ferry'), story('depot', 'Tram depot', 'tram depot turntable')]).execute();
    expect(await storiesWith('quokka')).toEqual(['harbour']);

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
});
