import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/domain/api/stories';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../test/harness';
import { searchBacklog } from './search-backlog';

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
  const mark = async (id: string) => (await t.database.db.selectFrom('stories').select(['search_stale', 'search_text']).where('id', '=', id).executeTakeFirstOrThrow());

  it('marks a saved story in the save itself, and a search right after the answer finds the new words', async () => {
    const story = (await reporter.post('/api/stories', { headline: 'Tram depot', body: body('the old turntable') })).json() as Story;
    const saved = await reporter.patch(`/api/stories/${story.id}`, { body: body('a gleaming roundhouse') }, { 'if-match': '"1"' });
    expect(saved.statusCode).toBe(200);
    // The answer went out before the index caught up: the mark is in the database with the save.
    expect(await mark(story.id)).toMatchObject({ search_stale: 1, search_text: expect.stringContaining('turntable') });
    expect(await found('roundhouse')).toEqual([story.id]);
    expect(await found('turntable')).toEqual([]);
    expect(await mark(story.id)).toMatchObject({ search_stale: 0, search_text: expect.stringContaining('roundhouse') });
  });

  it('catches up without a search too, once for several saves', async () => {
    const story = (await reporter.post('/api/stories', { headline: 'Ferry timetable', body: body('first draft') })).json() as Story;
    for (let revision = 1; revision <= 3; revision++) {
      expect((await reporter.patch(`/api/stories/${story.id}`, { body: body(`draft number ${revision} zeppelin${revision}`) }, { 'if-match': `"${revision}"` })).statusCode).toBe(200);
    }
    await expect.poll(async () => (await mark(story.id)).search_stale, { timeout: 5000, interval: 100 }).toBe(0);
    expect((await mark(story.id)).search_text).toContain('zeppelin3');
  });

  it('keeps the mark across a crash: a new process indexes what the old one answered but never indexed', async () => {
    const story = (await reporter.post('/api/stories', { headline: 'Night bus', body: body('route changes') })).json() as Story;
    // As if the process died right after answering: the mark stays, the index holds the old words.
    await t.database.db.updateTable('stories').set({ search_stale: 1, body: JSON.stringify(body('a brand new nightliner')) }).where('id', '=', story.id).execute();
    const restarted = t.reopen();
    try {
      await searchBacklog(restarted.db).catchUp();
      const row = await restarted.db.selectFrom('stories').select(['search_stale', 'search_text']).where('id', '=', story.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ search_stale: 0, search_text: expect.stringContaining('nightliner') });
    } finally {
      await restarted.close();
    }
    expect(await found('nightliner')).toEqual([story.id]);
  });
});
