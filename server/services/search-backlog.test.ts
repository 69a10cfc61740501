import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Story } from '../../src/domain/api/stories';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/connection';
import type { Database } from '../db/schema';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../test/harness';
import { searchBacklog } from './search-backlog';
import { createStory, saveStory } from './stories';

/** Whether the full-text index holds `word` for the story. */
async function indexHas(db: Kysely<Database>, dialect: Dialect, id: string, word: string): Promise<boolean> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql`select 1 from stories_fts where stories_fts match ${word} and rowid = (select seq from stories where id = ${id})`.execute(db)
      : await sql`select 1 from story_search where story_id = ${id} and search @@ to_tsquery('simple', ${word})`.execute(db);
  return rows.length > 0;
}

const body = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text }] }] });

describe.each(testDialects())('the search index following saves, on %s', (dialect) => {
  let t: TestApp;
  let reporter: ApiClient;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    reporter = await t.as('reporter');
  });
  afterAll(() => t.close());

  const found = async (word: string) => ((await reporter.get(`/api/stories?q=${word}`)).json() as { items: Array<{ id: string }> }).items.map((item) => item.id);
  const mark = async (id: string) => (await t.database.db.selectFrom('stories').select(['search_stale']).where('id', '=', id).executeTakeFirstOrThrow());
  // Asked of the index itself: a search through the API would first catch up.
  const indexed = (id: string, word: string, db = t.database.db) => indexHas(db, dialect, id, word);
  /**
   * The app's own backlog run after the saves so far (due half a second after them) is over: it
   * would index, from the bodies it holds, a story a test then changes behind its back.
   */
  const appBacklogDone = async () => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await searchBacklog(t.database.db, t.database.dialect).catchUp();
  };

  it('marks a saved story in the save itself, and a search right after the answer finds the new words', async () => {
    const story = (await reporter.post('/api/stories', { headline: 'Tram depot', body: body('the old turntable') })).json() as Story;
    const saved = await reporter.patch(`/api/stories/${story.id}`, { body: body('a gleaming roundhouse') }, { 'if-match': '"1"' });
    expect(saved.statusCode).toBe(200);
    // The answer went out before the index caught up: the mark is in the database with the save.
    expect(await mark(story.id)).toMatchObject({ search_stale: 1 });
    expect(await indexed(story.id, 'turntable')).toBe(true);
    expect(await found('roundhouse')).toEqual([story.id]);
    expect(await found('turntable')).toEqual([]);
    expect(await mark(story.id)).toMatchObject({ search_stale: 0 });
    expect([await indexed(story.id, 'roundhouse'), await indexed(story.id, 'turntable')]).toEqual([true, false]);
    // The text goes to the index, and the story row, which every save rewrites, keeps no copy.
    const { search_text: kept } = await t.database.db.selectFrom('stories').select('search_text').where('id', '=', story.id).executeTakeFirstOrThrow();
    expect(kept).toBe('');
  });

  it('catches up without a search too, once for several saves', async () => {
    const story = (await reporter.post('/api/stories', { headline: 'Ferry timetable', body: body('first draft') })).json() as Story;
    for (let revision = 1; revision <= 3; revision++) {
      expect((await reporter.patch(`/api/stories/${story.id}`, { body: body(`draft number ${revision} zeppelin${revision}`) }, { 'if-match': `"${revision}"` })).statusCode).toBe(200);
    }
    await expect.poll(async () => (await mark(story.id)).search_stale, { timeout: 5000, interval: 100 }).toBe(0);
    expect([await indexed(story.id, 'zeppelin3'), await indexed(story.id, 'zeppelin2')]).toEqual([true, false]);
  });

  it('finishes a run while editors keep saving, and the words saved last are found once they stop', async () => {
    const store = { db: t.database.db, dialect: t.database.dialect };
    const stories = [];
    for (let n = 0; n < 5; n++) stories.push(await createStory(store, t.accounts.reporter, { headline: `Steady ${n}`, body: body('steady start') as never }));
    const backlog = searchBacklog(t.database.db, t.database.dialect);
    let caughtUp = false;
    const saves: number[] = [];
    // Five editors saving back to back, each until the run ends (or 150 saves, when it never does).
    const editors = stories.map(async (story, index) => {
      let revision = 1;
      for (let n = 0; n < 150 && !caughtUp; n++) {
        await saveStory(store, t.accounts.reporter, story.id, { baseRevision: revision, editorId: null, changes: { body: body(`steady edit ${n}`) as never } });
        revision++;
        saves[index] = n;
      }
      return revision;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await backlog.catchUp();
    caughtUp = true;
    const revisions = await Promise.all(editors);
    // A run that started over until nothing was marked went on for as long as the saves did.
    expect(saves.every((n) => n < 149)).toBe(true);
    // The saves after the run are indexed without anyone searching: each asked for a run.
    const stillMarked = () => t.database.db.selectFrom('stories').select('id').where('headline', 'like', 'Steady %').where('search_stale', '!=', 0).execute();
    await expect.poll(async () => (await stillMarked()).length, { timeout: 5000, interval: 50 }).toBe(0);
    const lastWord = `steadylast${stories[0]!.id.slice(0, 6)}`;
    await saveStory(store, t.accounts.reporter, stories[0]!.id, { baseRevision: revisions[0]!, editorId: null, changes: { body: body(lastWord) as never } });
    expect(await found(lastWord)).toEqual([stories[0]!.id]);
  }, 60_000);

  it('indexes a burst of saves in full before a search, however many', async () => {
    const store = { db: t.database.db, dialect: t.database.dialect };
    const stories = [];
    for (let n = 0; n < 260; n++) stories.push(await createStory(store, t.accounts.reporter, { headline: `Burst ${n}`, body: body('before the burst') as never }));
    await Promise.all(
      stories.map((story) => saveStory(store, t.accounts.reporter, story.id, { baseRevision: 1, editorId: null, changes: { body: body(`after the burst quokka${story.id.slice(0, 4)}`) as never } })),
    );
    const found: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await reporter.get(`/api/stories?q=burst&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json() as { items: Array<{ id: string }>; nextCursor: string | null };
      found.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(found.length).toBe(260);
    const quokkas = (await reporter.get('/api/stories?q=after&limit=100')).json() as { items: unknown[] };
    expect(quokkas.items.length).toBe(100);
    const left = await t.database.db.selectFrom('stories').select('id').where('search_stale', '!=', 0).execute();
    expect(left).toEqual([]);
  }, 120_000);

  it('indexes a body of a million characters of distinct words, and finds it by its first words', async () => {
    const tokens = (paragraph: number) => Array.from({ length: 1000 }, (_, i) => `w${paragraph.toString(36)}x${i.toString(36)}${'q'.repeat(24)}`).join(' ');
    const huge = { type: 'doc', content: Array.from({ length: 29 }, (_, p) => ({ type: 'paragraph', attrs: { id: `h${p}` }, content: [{ type: 'text', text: tokens(p) }] })) };
    const story = (await reporter.post('/api/stories', { headline: 'Ledger', body: body('short for now') })).json() as Story;
    const saved = await reporter.patch(`/api/stories/${story.id}`, { body: huge }, { 'if-match': '"1"' });
    expect(saved.statusCode, saved.body.slice(0, 200)).toBe(200);
    expect(await found('w0x0qqqqqqqqqqqqqqqqqqqqqqqq')).toEqual([story.id]);
    expect(await mark(story.id)).toMatchObject({ search_stale: 0 });
  }, 60_000);

  it('sets aside a story the index refuses, and still indexes the others and answers searches', async () => {
    // A database that refuses one story's search text (as PostgreSQL refuses a tsvector over 1 MB).
    if (dialect === 'sqlite') {
      // The index write comes with clearing the mark (its text is not kept in the row on SQLite).
      await sql`CREATE TRIGGER refuse_poison BEFORE UPDATE OF search_stale ON stories WHEN new.headline = 'Poison' AND new.search_stale = 0 BEGIN SELECT RAISE(ABORT, 'refused'); END`.execute(t.database.db);
    } else {
      // The words are written to story_search (an insert, or an update on conflict).
      await sql`CREATE FUNCTION refuse_poison() RETURNS trigger AS $$ BEGIN IF NEW.search @@ to_tsquery('simple', 'armadillo') AND (SELECT headline FROM stories WHERE id = NEW.story_id) = 'Poison' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(t.database.db);
      await sql`CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON story_search FOR EACH ROW EXECUTE FUNCTION refuse_poison()`.execute(t.database.db);
    }
    try {
      const poison = (await reporter.post('/api/stories', { headline: 'Poison', body: body('old words') })).json() as Story;
      const fine = (await reporter.post('/api/stories', { headline: 'Fine', body: body('old words') })).json() as Story;
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      for (const story of [poison, fine]) expect((await reporter.patch(`/api/stories/${story.id}`, { body: body('new armadillo words') }, { 'if-match': '"1"' })).statusCode).toBe(200);
      const search = await reporter.get('/api/stories?q=armadillo');
      expect(search.statusCode).toBe(200);
      expect((search.json() as { items: Array<{ id: string }> }).items.map((item) => item.id)).toEqual([fine.id]);
      expect(await mark(poison.id)).toMatchObject({ search_stale: 2 });
      expect(errors).toHaveBeenCalled();
      errors.mockRestore();
      // Still found by what was indexed before.
      expect(await found('old')).toContain(poison.id);
    } finally {
      await sql`DROP TRIGGER refuse_poison${sql.raw(dialect === 'postgres' ? ' ON story_search' : '')}`.execute(t.database.db);
      if (dialect === 'postgres') await sql`DROP FUNCTION refuse_poison()`.execute(t.database.db);
    }
  });

  it('sets aside at once a story whose stored body cannot be read, and indexes the others', async () => {
    const broken = (await reporter.post('/api/stories', { headline: 'Broken', body: body('old words') })).json() as Story;
    const fine = (await reporter.post('/api/stories', { headline: 'Fine too', body: body('old words') })).json() as Story;
    expect((await reporter.patch(`/api/stories/${fine.id}`, { body: body('new pangolin words') }, { 'if-match': '"1"' })).statusCode).toBe(200);
    await appBacklogDone();
    // As a damaged row would be: marked, with a body that is not JSON.
    await t.database.db.updateTable('stories').set({ search_stale: 1 }).where('id', '=', broken.id).execute();
    await t.database.db.updateTable('story_body_parts').set({ blocks: '{"type":"paragraph","content":[' }).where('story_id', '=', broken.id).execute();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Another process: this one would index the body it saved, which it holds in memory.
    const restarted = t.reopen();
    try {
      await searchBacklog(restarted.db, restarted.dialect).catchUp();
      expect(await mark(broken.id)).toMatchObject({ search_stale: 2 });
      expect(await mark(fine.id)).toMatchObject({ search_stale: 0 });
      expect(await indexed(fine.id, 'pangolin')).toBe(true);
      expect(errors).toHaveBeenCalledTimes(1);
    } finally {
      errors.mockRestore();
      await restarted.close();
    }
  });

  it('keeps the mark across a crash: a new process indexes what the old one answered but never indexed', async () => {
    const story = (await reporter.post('/api/stories', { headline: 'Night bus', body: body('route changes') })).json() as Story;
    await appBacklogDone();
    // As if the process died right after answering: the mark stays, the index holds the old words.
    await t.database.db.updateTable('stories').set({ search_stale: 1 }).where('id', '=', story.id).execute();
    const blocks = body('a brand new nightliner').content!;
    await t.database.db.updateTable('story_body_parts').set({ blocks: blocks.map((block) => JSON.stringify(block)).join(','), block_count: blocks.length }).where('story_id', '=', story.id).execute();
    const restarted = t.reopen();
    try {
      await searchBacklog(restarted.db, restarted.dialect).catchUp();
      const row = await restarted.db.selectFrom('stories').select(['search_stale']).where('id', '=', story.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ search_stale: 0 });
      expect(await indexed(story.id, 'nightliner', restarted.db)).toBe(true);
    } finally {
      await restarted.close();
    }
    expect(await found('nightliner')).toEqual([story.id]);
  });
});

describe.each(testDialects())('the search index when the app stops, on %s', (dialect) => {
  it('finishes or leaves marked the stories it was indexing, never setting one aside', async () => {
    const t = await startTestApp(dialect);
    const store = { db: t.database.db, dialect: t.database.dialect };
    // Long bodies, so that indexing them takes a while (tens of milliseconds each).
    const long = (n: number) => body(Array.from({ length: 30_000 }, (_, i) => `closing${n}x${i.toString(36)}`).join(' '));
    const stories = [];
    for (let n = 0; n < 30; n++) stories.push(await createStory(store, t.accounts.reporter, { headline: `Closing ${n}`, body: body('before closing') as never }));
    for (const [n, story] of stories.entries()) {
      await saveStory(store, t.accounts.reporter, story.id, { baseRevision: 1, editorId: null, changes: { body: long(n) as never } });
    }
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Another process's view of the database, to see the run under way and what it left.
    const reopened = t.reopen();
    const marks = () => reopened.db.selectFrom('stories').select('search_stale').where('headline', 'like', 'Closing %').execute();
    try {
      void searchBacklog(t.database.db, t.database.dialect).catchUp().catch(() => undefined);
      // The app and its database close while the run is under way: some stories indexed, not all.
      await expect.poll(async () => (await marks()).filter((row) => row.search_stale === 0).length, { timeout: 10_000, interval: 5 }).toBeGreaterThan(0);
      await t.app.close();
      await t.database.close();
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(errors).not.toHaveBeenCalled();
      const left = await marks();
      expect(left).toHaveLength(30);
      expect(left.filter((row) => row.search_stale === 2)).toEqual([]);
    } finally {
      errors.mockRestore();
      await reopened.close();
      await t.close();
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('the search index on postgres: a story saved while a run indexes it, and one that keeps failing', () => {
  let t: TestApp;
  let reporter: ApiClient;
  beforeAll(async () => {
    t = await startTestApp('postgres');
    reporter = await t.as('reporter');
  });
  afterAll(() => t.close());
  const mark = async (id: string) => (await t.database.db.selectFrom('stories').select(['search_stale']).where('id', '=', id).executeTakeFirstOrThrow());

  it('finds the words of a save answered before the search, though the story was saved again while the run read it', async () => {
    const store = { db: t.database.db, dialect: t.database.dialect };
    const [first, second] = [
      await createStory(store, t.accounts.reporter, { headline: 'Harbour tolls', body: body('old harbour') as never }),
      await createStory(store, t.accounts.reporter, { headline: 'Harbour lights', body: body('old lights') as never }),
    ].sort((a, b) => (a.id < b.id ? -1 : 1));
    const backlog = searchBacklog(t.database.db, t.database.dialect);
    await backlog.catchUp();
    const word = `lanternword${second!.id.slice(0, 6)}`;
    const edit = (story: Story, revision: number, text: string) =>
      saveStory(store, t.accounts.reporter, story.id, { baseRevision: revision, editorId: null, changes: { body: body(text) as never } });
    await edit(first!, 1, 'new harbour tolls');
    await edit(second!, 1, `the ${word} is lit`);
    // Another session holds the first story's row, so the run that the search starts waits on it
    // after reading both stories.
    const other = t.reopen();
    try {
      const held = await other.db.connection().execute(async (connection) => {
        await sql`begin`.execute(connection);
        await sql`select id from stories where id = ${first!.id} for update`.execute(connection);
        const search = reporter.get(`/api/stories?q=${word}`);
        await expect
          .poll(async () => (await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like '%update "stories"%'`.execute(t.database.db)).rows[0]!.n, { timeout: 5000, interval: 20 })
          .toBe(1);
        // The second story is saved again, after the run read it and before it writes it.
        await edit(second!, 2, `the ${word} is lit again`);
        await sql`commit`.execute(connection);
        return search;
      });
      expect(((await held).json() as { items: Array<{ id: string }> }).items.map((item) => item.id)).toEqual([second!.id]);
    } finally {
      await other.close();
    }
  });

  it('keeps a story that fails with a passing error marked, and sets it aside after three runs so the others are indexed', async () => {
    // A timeout every time for one story (as a statement timeout on a huge text would be).
    await sql`CREATE FUNCTION time_out_slow() RETURNS trigger AS $$ BEGIN IF NEW.search @@ to_tsquery('simple', 'aardvark') AND (SELECT headline FROM stories WHERE id = NEW.story_id) = 'Slow' THEN RAISE EXCEPTION 'canceling statement due to statement timeout' USING ERRCODE = '57014'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(t.database.db);
    await sql`CREATE TRIGGER time_out_slow BEFORE INSERT OR UPDATE ON story_search FOR EACH ROW EXECUTE FUNCTION time_out_slow()`.execute(t.database.db);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const slow = (await reporter.post('/api/stories', { headline: 'Slow', body: body('old words') })).json() as Story;
      expect((await reporter.patch(`/api/stories/${slow.id}`, { body: body('new aardvark words') }, { 'if-match': '"1"' })).statusCode).toBe(200);
      const backlog = searchBacklog(t.database.db, t.database.dialect);
      for (let run = 1; run <= 2; run++) {
        await expect(backlog.catchUp()).rejects.toMatchObject({ code: '57014' });
        expect(await mark(slow.id)).toMatchObject({ search_stale: 1 });
      }
      expect(errors).not.toHaveBeenCalled();
      await backlog.catchUp();
      expect(await mark(slow.id)).toMatchObject({ search_stale: 2 });
      expect(errors).toHaveBeenCalledTimes(1);
    } finally {
      errors.mockRestore();
      await sql`DROP TRIGGER time_out_slow ON story_search`.execute(t.database.db);
      await sql`DROP FUNCTION time_out_slow()`.execute(t.database.db);
    }
  });
});
