import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryResponse, RevisionComparison, RevisionResponse } from '../../../src/domain/api/history';
import type { PresenceResponse } from '../../../src/domain/api/presence';
import type { Story } from '../../../src/domain/api/stories';
import { paragraphs } from '../../test/documents';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../../test/harness';
import { thinRevisions } from '../../services/revision-thinning';

function save(client: ApiClient, story: Pick<Story, 'id' | 'revision'>, changes: Record<string, unknown>) {
  return client.patch(`/api/stories/${story.id}`, changes, { 'if-match': `"${story.revision}"` });
}

describe.each(testDialects())('history and presence, on %s', (dialect) => {
  let t: TestApp;
  let reporter: ApiClient;
  let reporter2: ApiClient;
  let editor: ApiClient;
  let photoEditor: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    [reporter, reporter2, editor, photoEditor] = await Promise.all([t.as('reporter'), t.as('reporter2'), t.as('editor'), t.as('photo_editor')]);
  });
  afterAll(() => t.close());

  /** Saves in turn, each on the revision the last one made; returns the story at the end. */
  async function saves(client: ApiClient, story: Story, ...changes: Array<Record<string, unknown>>): Promise<Story> {
    let current = story;
    for (const change of changes) {
      const answer = await save(client, current, change);
      expect(answer.statusCode, answer.body).toBe(200);
      current = answer.json() as Story;
    }
    return current;
  }

  const history = async (client: ApiClient, id: string) => ((await client.get(`/api/stories/${id}/revisions`)).json() as HistoryResponse).items;
  const backdate = (id: string, revision: number, minutesAgo: number) =>
    t.database.db
      .updateTable('story_revisions')
      .set({ saved_at: new Date(Date.now() - minutesAgo * 60_000).toISOString() })
      .where('story_id', '=', id)
      .where('revision', '=', revision)
      .execute();

  it('lists saves by one person within minutes as one entry, names checkpoints, and starts a new entry for someone else', async () => {
    let story = (await reporter.post('/api/stories', { headline: 'Tram line', body: paragraphs('First words.') })).json() as Story;
    story = await saves(reporter, story, { standfirst: 'One' }, { standfirst: 'Two' }, { standfirst: 'Three' });
    expect((await reporter.post(`/api/stories/${story.id}/transitions`, { to: 'submitted' })).statusCode).toBe(200);
    story = await saves(editor, story, { headline: 'Tram line opens' });

    const items = await history(reporter, story.id);
    expect(items.map(({ revision, fromRevision, savedBy, checkpoints }) => ({ revision, fromRevision, who: savedBy.name, checkpoints }))).toEqual([
      { revision: 5, fromRevision: 5, who: 'Test editor', checkpoints: [] },
      { revision: 4, fromRevision: 2, who: 'Test reporter', checkpoints: ['Submitted'] },
      { revision: 1, fromRevision: 1, who: 'Test reporter', checkpoints: [] },
    ]);
  });

  it('shows one revision, a word-level diff between two, and restores one as a new revision', async () => {
    let story = (await reporter.post('/api/stories', { headline: 'Bridge closes', standfirst: 'For repairs.', body: paragraphs('The bridge closes on Monday.') })).json() as Story;
    story = await saves(reporter, story, { headline: 'Bridge closes for a month', body: paragraphs('The bridge closes on Tuesday.') });

    const one = (await reporter.get(`/api/stories/${story.id}/revisions/1`)).json() as RevisionResponse;
    expect(one).toMatchObject({ revision: 1, savedBy: { name: 'Test reporter' }, fields: { headline: 'Bridge closes', standfirst: 'For repairs.' } });

    const compared = (await reporter.get(`/api/stories/${story.id}/revisions/compare?from=1&to=2`)).json() as RevisionComparison;
    expect(compared.changes.map((change) => change.field)).toEqual(['headline', 'body']);
    const body = compared.changes.find((change) => change.field === 'body')!;
    expect(body.parts.filter((part) => part.removed).map((part) => part.value)).toEqual(['Monday']);
    expect(body.parts.filter((part) => part.added).map((part) => part.value)).toEqual(['Tuesday']);

    const restored = await reporter.post(`/api/stories/${story.id}/restore`, { revision: 1 });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ revision: 3, headline: 'Bridge closes' });
    expect((restored.json() as Story).body.content![0].content![0].text).toBe('The bridge closes on Monday.');
    const items = await history(reporter, story.id);
    expect(items[0]).toMatchObject({ revision: 3, note: 'Restored from revision 1' });
    // Nothing in between is lost: revision 2 is still there to go back to.
    expect((await reporter.get(`/api/stories/${story.id}/revisions/2`)).json().fields.headline).toBe('Bridge closes for a month');
  });

  it('keeps history as private as the story, and restoring to those who may edit it', async () => {
    let story = (await reporter.post('/api/stories', { headline: 'Private draft' })).json() as Story;
    story = await saves(reporter, story, { headline: 'Private draft, revised' });
    expect((await reporter2.get(`/api/stories/${story.id}/revisions`)).statusCode).toBe(404);
    expect((await reporter2.get(`/api/stories/${story.id}/revisions/1`)).statusCode).toBe(404);
    expect((await reporter2.get(`/api/stories/${story.id}/revisions/compare?from=1&to=2`)).statusCode).toBe(404);
    expect((await reporter2.post(`/api/stories/${story.id}/restore`, { revision: 1 })).statusCode).toBe(404);
    expect((await photoEditor.post(`/api/stories/${story.id}/restore`, { revision: 1 })).statusCode).toBe(403);
    expect((await reporter.get(`/api/stories/${story.id}/revisions/99`)).statusCode).toBe(404);
    expect((await reporter.get(`/api/stories/${story.id}/revisions/compare?from=1&to=nope`)).statusCode).toBe(400);
    expect((await reporter.post(`/api/stories/${story.id}/restore`, { revision: 0 })).statusCode).toBe(400);
    expect((await editor.get(`/api/stories/${story.id}`)).json().revision).toBe(2);
  });

  it('thins old runs of saves to their last revision, keeps what readers see, and answers a save on a thinned base with a conflict', async () => {
    let story = (await editor.post('/api/stories', { headline: 'Long day', body: paragraphs('Start.') })).json() as Story;
    const opened = story; // an editor opened revision 1 and still has it
    story = await saves(editor, story, { standfirst: 'a' }, { standfirst: 'b' }, { standfirst: 'c' });
    await t.database.db.updateTable('stories').set({ live_revision: 3 }).where('id', '=', story.id).execute();
    story = await saves(editor, story, { standfirst: 'd' }, { standfirst: 'e' });
    for (const revision of [1, 2, 3, 4, 5, 6]) await backdate(story.id, revision, 130 - revision);
    // Recent saves are all kept.
    story = await saves(editor, story, { standfirst: 'f' });

    expect(await thinRevisions(t.database.db, story.id)).toBe(3);
    const kept = await t.database.db.selectFrom('story_revisions').select('revision').where('story_id', '=', story.id).orderBy('revision').execute();
    expect(kept.map((row) => row.revision)).toEqual([1, 3, 6, 7]);

    // Revision 1 is kept (the first entry), so the stale editor still merges…
    const merged = await save(editor, opened, { dateline: 'HARBOURTOWN' });
    expect(merged.json()).toMatchObject({ merged: true, standfirst: 'f', dateline: 'HARBOURTOWN' });
    // …but a save on a revision no longer kept cannot be told apart from theirs: every difference is a conflict.
    const thinned = await save(editor, { id: story.id, revision: 2 }, { standfirst: 'from an old tab' });
    expect(thinned.statusCode).toBe(409);
    expect(thinned.json().error.details).toMatchObject({ base: null, conflicts: ['standfirst'] });
  });

  it('shows who else has the story open, once per person, and forgets them when they leave or go quiet', async () => {
    const story = (await reporter.post('/api/stories', { headline: 'Who is here' })).json() as Story;
    const beat = async (client: ApiClient, editorId: string) => {
      const answer = await client.put(`/api/stories/${story.id}/presence/${editorId}`);
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.json() as PresenceResponse;
    };
    expect(await beat(reporter, 'tab-r1')).toEqual({ revision: 1, present: [] });
    await beat(editor, 'tab-e1');
    await beat(editor, 'tab-e2');
    await beat(photoEditor, 'tab-p1');
    const seen = await beat(reporter, 'tab-r1');
    expect(seen.present.map(({ name, role, editors }) => ({ name, role, editors }))).toEqual([
      { name: 'Test editor', role: 'editor', editors: 2 },
      { name: 'Test photo_editor', role: 'photo_editor', editors: 1 },
    ]);

    expect((await photoEditor.delete(`/api/stories/${story.id}/presence/tab-p1`)).statusCode).toBe(204);
    // Someone else cannot end another person's presence by naming their editor.
    expect((await reporter.delete(`/api/stories/${story.id}/presence/tab-e1`)).statusCode).toBe(204);
    await t.database.db.updateTable('story_presence').set({ seen_at: new Date(Date.now() - 60_000).toISOString() }).where('editor_id', '=', 'tab-e2').execute();
    expect((await beat(reporter, 'tab-r1')).present.map(({ name, editors }) => ({ name, editors }))).toEqual([{ name: 'Test editor', editors: 1 }]);

    // Presence is as private as the story.
    expect((await reporter2.put(`/api/stories/${story.id}/presence/tab-x`)).statusCode).toBe(404);
    expect((await reporter.put(`/api/stories/${story.id}/presence/not%20an%20id`)).statusCode).toBe(400);
  });
});
