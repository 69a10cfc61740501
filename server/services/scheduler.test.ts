import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story, StoryEvent } from '../../src/domain/api/stories';
import { migrateToLatest } from '../db/migrate';
import { paragraphs } from '../test/documents';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../test/harness';
import { publishDueStories } from './scheduler';

describe.each(testDialects())('scheduled publication on %s', (dialect) => {
  let t: TestApp;
  let chief: ApiClient;
  let editor: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    chief = await t.as('chief_editor');
    editor = await t.as('editor');
  });
  afterAll(() => t.close());

  const schedule = async (fields: Record<string, unknown>, inMinutes: number) => {
    const story = (await editor.post('/api/stories', { standfirst: 'Standfirst', byline: 'Staff', body: paragraphs('Text.'), ...fields })).json() as Story;
    await t.database.db.updateTable('stories').set({ status: 'approved' }).where('id', '=', story.id).execute();
    const when = new Date(Date.now() + inMinutes * 60_000).toISOString();
    const response = await chief.post(`/api/stories/${story.id}/transitions`, { to: 'scheduled', scheduledAt: when });
    expect(response.statusCode, response.body).toBe(200);
    return { story: response.json() as Story, when };
  };
  const store = () => ({ db: t.database.db, dialect: t.database.dialect });
  const events = async (story: Story) => (await chief.get(`/api/stories/${story.id}/events`)).json().items as StoryEvent[];

  it('publishes a story when its time comes, and not before', async () => {
    const { story, when } = await schedule({ headline: 'Budget embargo lifts at six' }, 30);
    expect((await publishDueStories(store(), new Date(Date.now() + 10 * 60_000))).published).not.toContain(story.id);
    const outcome = await publishDueStories(store(), new Date(Date.parse(when) + 1000));
    expect(outcome.published).toContain(story.id);
    const live = (await chief.get(`/api/stories/${story.id}`)).json() as Story;
    expect(live).toMatchObject({ status: 'published', liveRevision: live.revision, scheduledAt: null });
    const log = await events(story);
    expect(log.at(-1)).toMatchObject({ from: 'scheduled', to: 'published', note: 'Published at the scheduled time', actor: { name: 'Test chief_editor' } });
    expect((await t.anonymous().get(`/news/${live.slug}`)).statusCode).toBe(200);
  });

  it('publishes exactly once, however many schedulers run at the same moment', async () => {
    const { story, when } = await schedule({ headline: 'Exactly once' }, 5);
    const later = new Date(Date.parse(when) + 1000);
    const outcomes = await Promise.all([publishDueStories(store(), later), publishDueStories(store(), later), publishDueStories(store(), later)]);
    expect(outcomes.flatMap((outcome) => outcome.published).filter((id) => id === story.id)).toHaveLength(1);
    expect((await events(story)).filter((event) => event.to === 'published')).toHaveLength(1);
  });

  it('holds back a story that no longer passes the checklist, saying why', async () => {
    const { story, when } = await schedule({ headline: 'Will lose its standfirst' }, 5);
    const current = (await editor.get(`/api/stories/${story.id}`)).json() as Story;
    expect((await editor.patch(`/api/stories/${story.id}`, { standfirst: '' }, { 'if-match': `"${current.revision}"` })).statusCode).toBe(200);
    const outcome = await publishDueStories(store(), new Date(Date.parse(when) + 1000));
    expect(outcome.held).toContain(story.id);
    expect((await chief.get(`/api/stories/${story.id}`)).json().status).toBe('approved');
    expect((await events(story)).at(-1)?.note).toMatch(/Not published at the scheduled time: The story has no standfirst/);
  });

  it('publishes a story that fell due while the server was down, once it is back', async () => {
    const { story, when } = await schedule({ headline: 'Due during the restart' }, 2);
    // The server stops; time passes; a new process opens the same database and its scheduler runs.
    const reopened = t.reopen();
    await migrateToLatest(reopened.db, reopened.dialect);
    const outcome = await publishDueStories({ db: reopened.db, dialect: reopened.dialect }, new Date(Date.parse(when) + 60_000));
    await reopened.close();
    expect(outcome.published).toEqual([story.id]);
    expect((await chief.get(`/api/stories/${story.id}`)).json().status).toBe('published');
  });
});
