import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, migrateUpTo } from '../migrate';
import { writeSearchText } from '../repositories/stories';
import { createAccount } from '../../services/accounts';
import { openScratchDatabase, type ScratchDatabase } from '../../test/harness';

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL: a database from before the search words left the story row', () => {
  let scratch: ScratchDatabase | undefined;
  afterEach(async () => {
    await scratch?.drop();
    scratch = undefined;
  });

  const storiesWith = async (query: string) =>
    (await sql<{ id: string }>`select story_id as id from story_search where search @@ to_tsquery('simple', ${query}) order by story_id`.execute(scratch!.database.db)).rows.map((row) => row.id);
  const column = async (table: string, name: string) =>
    (await sql`select 1 from information_schema.columns where table_schema = current_schema() and table_name = ${table} and column_name = ${name}`.execute(scratch!.database.db)).rows.length > 0;

  /** A database as the release before left it: two stories, their words a generated column of the row. */
  async function olderDatabase(): Promise<Kysely<any>> {
    scratch = await openScratchDatabase('postgres');
    const { db } = scratch.database;
    await migrateUpTo(db, 'postgres', '013-body-in-parts');
    const author = await createAccount(db, null, { email: 'old@example.org', name: 'Old Release', password: 'old-release-passphrase-1', role: 'reporter' });
    const now = new Date().toISOString();
    const story = (id: string, headline: string, text: string) => ({
      id, slug: id, status: 'draft', headline, standfirst: '', byline: 'Old Release', dateline: '', section: null, tags: '[]',
      seo_title: '', seo_description: '', lead_photo: null, search_text: text, search_headline: headline.toLowerCase(), word_count: 3,
      revision: 1, live_revision: null, created_by: author.id, created_at: now, updated_at: now, published_at: null, scheduled_at: null,
    });
    const old = db as Kysely<any>;
    await old.insertInto('stories').values([story('harbour', 'Harbour tolls', 'harbour tolls quokka ferry'), story('depot', 'Tram depot', 'tram depot turntable')]).execute();
    const { rows } = await sql<{ id: string }>`select id from stories where search @@ to_tsquery('simple', 'quokka')`.execute(old);
    expect(rows).toEqual([{ id: 'harbour' }]);
    return old;
  }

  it('keeps every story found by its words and its headline after the upgrade, and drops them from the row', async () => {
    const db = await olderDatabase();
    await migrateToLatest(scratch!.database.db, 'postgres');
    expect(await storiesWith('quokka')).toEqual(['harbour']);
    expect(await storiesWith('turntable')).toEqual(['depot']);
    // Headline words keep their weight.
    expect(await storiesWith('tolls:*A')).toEqual(['harbour']);
    expect(await storiesWith('quokka:*A')).toEqual([]);
    expect(await column('stories', 'search')).toBe(false);
    // Statistics at once, for telling common words (surelyCommon), not after autovacuum's first pass.
    const { rows: statistics } = await sql`select 1 from pg_stats where schemaname = current_schema() and tablename = 'story_search' and attname = 'search'`.execute(db);
    expect(statistics).toHaveLength(1);
    expect(await db.selectFrom('stories').select(['id', 'search_text']).orderBy('id').execute()).toEqual([
      { id: 'depot', search_text: '' },
      { id: 'harbour', search_text: '' },
    ]);
    // Re-indexed after a save: the new words replace the old.
    expect(await writeSearchText(scratch!.database.db, 'postgres', 'harbour', 1, { search_text: 'harbour tolls platypus', search_headline: 'harbour tolls' })).toBe(true);
    expect(await storiesWith('quokka')).toEqual([]);
    expect(await storiesWith('platypus')).toEqual(['harbour']);
    // And a story that goes takes its words with it.
    await db.deleteFrom('stories').where('id', '=', 'depot').execute();
    expect(await storiesWith('turntable')).toEqual([]);
  });

  it('leaves the words in the row when it fails partway (its statements are one transaction), and the next start finishes it', async () => {
    const db = await olderDatabase();
    // A failure at the last step: blanking the row's search text is refused.
    await sql`CREATE FUNCTION refuse_blanking() RETURNS trigger AS $$ BEGIN IF NEW.search_text = '' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER refuse_blanking BEFORE UPDATE ON stories FOR EACH ROW EXECUTE FUNCTION refuse_blanking()`.execute(db);
    await expect(migrateToLatest(scratch!.database.db, 'postgres')).rejects.toThrow(/014-postgres-search-off-row/);
    await sql`DROP TRIGGER refuse_blanking ON stories`.execute(db);
    expect(await column('stories', 'search')).toBe(true);
    expect(await column('story_search', 'search')).toBe(false);
    const { rows } = await sql<{ id: string }>`select id from stories where search @@ to_tsquery('simple', 'quokka')`.execute(db);
    expect(rows).toEqual([{ id: 'harbour' }]);
    await migrateToLatest(scratch!.database.db, 'postgres');
    expect(await storiesWith('quokka')).toEqual(['harbour']);
  });
});
