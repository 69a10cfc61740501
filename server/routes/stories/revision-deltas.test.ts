import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RevisionResponse } from '../../../src/domain/api/history';
import type { Story } from '../../../src/domain/api/stories';
import type { DocumentJSON } from '../../../src/domain/document/types';
import { fieldsOf } from '../../../src/domain/story/fields-of';
import { WHOLE_SNAPSHOT_EVERY } from '../../db/repositories/revision-fields';
import { thinRevisions } from '../../services/revision-thinning';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../../test/harness';

const paragraph = (id: string, text: string) => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });
/** A long story: sixty paragraphs of a hundred-odd characters, with ids as the editor gives them. */
const longBody = (): DocumentJSON => ({
  type: 'doc',
  content: Array.from({ length: 60 }, (_, n) => paragraph(`p${n}`, `Paragraph ${n} of the council budget story, with enough words to weigh something.`)),
});

describe.each(testDialects())('revisions kept as the changes of each save, on %s', (dialect) => {
  let t: TestApp;
  let reporter: ApiClient;
  let editor: ApiClient;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    [reporter, editor] = await Promise.all([t.as('reporter'), t.as('editor')]);
  });
  afterAll(() => t.close());

  const revisionRows = (id: string) =>
    t.database.db.selectFrom('story_revisions').select(['revision', 'delta_of', 'snapshot']).where('story_id', '=', id).orderBy('revision').execute();
  const readRevision = async (id: string, revision: number) => {
    const response = await reporter.get(`/api/stories/${id}/revisions/${revision}`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as RevisionResponse).fields;
  };

  /**
   * Twenty saves of every kind, each on the revision before (one adds a "Read also" block, so the
   * story's links change too), then one made on an older revision and merged; the story as each
   * answer gave it, by revision.
   */
  async function editedStory() {
    const target = (await reporter.post('/api/stories', { headline: 'Last year’s budget', body: longBody() })).json() as Story;
    const created = await reporter.post('/api/stories', { headline: 'Council budget', body: longBody() });
    expect(created.statusCode, created.body).toBe(201);
    let story = created.json() as Story;
    const answered = new Map<number, Story>([[1, story]]);
    const order = () => story.body.content!.map((block) => block.attrs!.id as string);
    // Each changes something, whatever came before.
    const edits: Array<(n: number) => Record<string, unknown>> = [
      (n) => ({ bodyPatch: { blocks: [paragraph(order()[3]!, `A new fourth paragraph, take ${n}.`)] } }),
      (n) => ({ headline: `Council budget passes, take ${n}` }),
      (n) => ({ body: { ...story.body, content: [...story.body.content!, paragraph(`added${n}`, 'A paragraph added at the end.')] } }),
      () => ({ bodyPatch: { order: order().slice(1), blocks: [] } }),
      () => ({ bodyPatch: { order: [order()[5]!, ...order().filter((_, index) => index !== 5)], blocks: [] } }),
      (n) => ({ tags: ['budget', `take ${n}`], standfirst: `Approved late at night, take ${n}`, bodyPatch: { blocks: [paragraph(order()[30]!, `Thirty-one, take ${n}.`)] } }),
      (n) => ({ section: n % 2 ? 'politics' : 'news', byline: `By the desk, take ${n}` }),
      (n) => ({ bodyPatch: { order: [...order(), `read${n}`], blocks: [{ type: 'readAlso', attrs: { id: `read${n}`, storyId: target.id } }] } }),
    ];
    for (let n = 0; n < 20; n++) {
      const response = await reporter.patch(`/api/stories/${story.id}`, edits[n % edits.length]!(n), { 'if-match': `"${story.revision}"` });
      expect(response.statusCode, response.body).toBe(200);
      story = response.json() as Story;
      answered.set(story.revision, story);
    }
    const merged = await editor.patch(`/api/stories/${story.id}`, { dateline: 'HARBOURTOWN' }, { 'if-match': `"${story.revision - 2}"` });
    expect(merged.json()).toMatchObject({ merged: true, revision: story.revision + 1 });
    story = merged.json() as Story;
    answered.set(story.revision, story);
    return { story, answered };
  }

  it('keeps a save as the blocks and fields it changed, and gives every revision back as it was saved', async () => {
    const { story, answered } = await editedStory();
    const rows = await revisionRows(story.id);
    expect(rows.map((row) => row.revision)).toEqual(Array.from({ length: 22 }, (_, n) => n + 1));
    for (const row of rows) {
      // Whole: the first, and one every WHOLE_SNAPSHOT_EVERY revisions; every other one, the changes to the one before.
      expect(row.delta_of, `revision ${row.revision}`).toBe(row.revision === 1 || row.revision % WHOLE_SNAPSHOT_EVERY === 0 ? null : row.revision - 1);
    }
    // A paragraph's edit is kept as that paragraph, not the story.
    const whole = rows.find((row) => row.revision === 1)!.snapshot.length;
    expect(rows.find((row) => row.revision === 2)!.snapshot.length).toBeLessThan(whole / 20);
    for (const [revision, saved] of answered) expect(await readRevision(story.id, revision), `revision ${revision}`).toEqual(fieldsOf(saved));
    // The newest revision is the story as stored.
    expect(await readRevision(story.id, 22)).toEqual(fieldsOf((await reporter.get(`/api/stories/${story.id}`)).json() as Story));
  });

  it('makes a kept revision whole before thinning removes the one it was kept as changes to', async () => {
    const { story, answered } = await editedStory();
    // Two hours ago, in runs of saves six minutes apart: 2–5, 6, 7–12, 13, 14–20, 21 (the first
    // revision is an entry of its own, and the merge, 22, someone else's). Thinning keeps each
    // run's last: 1, 5, 6, 12, 13, 20, 21, 22.
    const runStarts = [1, 2, 6, 7, 13, 14, 21, 22];
    for (let revision = 1; revision <= 22; revision++) {
      const run = runStarts.filter((start) => start <= revision).length;
      const at = new Date(Date.now() - 2 * 3_600_000 + run * 6 * 60_000 + revision * 1000).toISOString();
      await t.database.db.updateTable('story_revisions').set({ saved_at: at }).where('story_id', '=', story.id).where('revision', '=', revision).execute();
    }
    expect(await thinRevisions(t.database.db, story.id)).toBeGreaterThan(0);
    const kept = await revisionRows(story.id);
    expect(kept.map((row) => row.revision)).toEqual([1, 5, 6, 12, 13, 20, 21, 22]);
    // 5, 12 and 20 were kept as changes to revisions now gone: whole. 6, 13, 21 and 22 rest on kept ones.
    expect(kept.map((row) => row.delta_of)).toEqual([null, null, 5, null, 12, null, 20, 21]);
    for (const row of kept) expect(await readRevision(story.id, row.revision), `revision ${row.revision}`).toEqual(fieldsOf(answered.get(row.revision)!));
  });
});
