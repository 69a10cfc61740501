import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoryListResponse } from '../../../src/domain/api/stories';
import { createStory } from '../../services/stories';
import { paragraphs } from '../../test/documents';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../../test/harness';

/** More stories with one word than a search fetches by key, so the list walks them in order instead. */
const MANY = 1_050;

describe.each(testDialects())('searching for a common and a rare word, on %s', (dialect) => {
  let t: TestApp;
  let editor: ApiClient;
  let reporter: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    [editor, reporter] = await Promise.all([t.as('editor'), t.as('reporter')]);
    const store = { db: t.database.db, dialect: t.database.dialect };
    for (let n = 0; n < MANY; n++) {
      // Published ones every reporter may see; the rest are the editor's drafts.
      await createStory(store, t.accounts.editor, { headline: `Quay works ${n}`, body: paragraphs(`The quay works reach stage q${n}x.`) }, { status: n % 3 === 0 ? 'published' : 'draft', now: new Date(Date.UTC(2026, 0, 1, 0, 0, n)) });
    }
  }, 240_000);
  afterAll(() => t.close());

  async function everyPage(client: ApiClient, query: string): Promise<string[]> {
    const headlines: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await client.get(`/api/stories?${query}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as StoryListResponse;
      headlines.push(...page.items.map((item) => item.headline));
      cursor = page.nextCursor;
    } while (cursor);
    return headlines;
  }

  it('finds every story with a common word, newest change first, page after page', async () => {
    const found = await everyPage(editor, 'q=quay');
    expect(found).toHaveLength(MANY);
    expect(found[0]).toBe(`Quay works ${MANY - 1}`);
    expect(found.at(-1)).toBe('Quay works 0');
  }, 60_000);

  it('finds the one story with a rare word, and keeps drafts private either way', async () => {
    expect(await everyPage(editor, 'q=q1047x')).toEqual(['Quay works 1047']);
    expect(await everyPage(reporter, 'q=q1046x')).toEqual([]); // a draft of someone else
    expect(await everyPage(reporter, 'q=q1045x')).toEqual([]);
    expect(await everyPage(reporter, 'q=q1047x')).toEqual(['Quay works 1047']); // published
    const published = await everyPage(reporter, 'q=quay');
    expect(published).toHaveLength(Math.ceil(MANY / 3));
    expect(await everyPage(editor, 'q=nowhere')).toEqual([]);
  }, 60_000);

  it('gives the same answers once the database has statistics that tell common words from rare ones', async () => {
    if (dialect === 'postgres') await sql`ANALYZE stories`.execute(t.database.db);
    const found = await everyPage(editor, 'q=quay');
    expect(found).toHaveLength(MANY);
    expect(found[0]).toBe(`Quay works ${MANY - 1}`);
    expect(await everyPage(reporter, 'q=quay')).toHaveLength(Math.ceil(MANY / 3));
    expect(await everyPage(editor, 'q=q1047x')).toEqual(['Quay works 1047']);
    expect(await everyPage(reporter, 'q=q1046x')).toEqual([]);
  }, 60_000);
});
