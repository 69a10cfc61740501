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

  it('publishes what the chief editor scheduled; an edit made since waits as an update', async () => {
    const { story, when } = await schedule({ headline: 'Scheduled as approved' }, 5);
    const current = (await editor.get(`/api/stories/${story.id}`)).json() as Story;
    const edited = await editor.patch(`/api/stories/${story.id}`, { headline: 'Changed after approval' }, { 'if-match': `"${current.revision}"` });
    expect(edited.json()).toMatchObject({ headline: 'Changed after approval', slug: current.slug });
    await publishDueStories(store(), new Date(Date.parse(when) + 1000));
    const after = (await chief.get(`/api/stories/${story.id}`)).json() as Story;
    expect(after).toMatchObject({ status: 'published', liveRevision: current.revision, revision: current.revision + 1 });
    const page = (await t.anonymous().get(`/news/${after.slug}`)).body;
    expect(page).toContain('Scheduled as approved');
    expect(page).not.toContain('Changed after approval');
  });

  it('holds back a story whose links no longer pass the checklist, saying why', async () => {
    const target = (await editor.post('/api/stories', { headline: 'Linked story', standfirst: 's', byline: 'b', body: paragraphs('x') })).json() as Story;
    await t.database.db.updateTable('stories').set({ status: 'approved' }).where('id', '=', target.id).execute();
    expect((await chief.post(`/api/stories/${target.id}/transitions`, { to: 'published' })).statusCode).toBe(200);
    const { story, when } = await schedule({ headline: 'Points to it', body: { type: 'doc', content: [{ type: 'readAlso', attrs: { storyId: target.id } }] } }, 5);
    expect((await chief.post(`/api/stories/${target.id}/transitions`, { to: 'unpublished' })).statusCode).toBe(200);
    const outcome = await publishDueStories(store(), new Date(Date.parse(when) + 1000));
    expect(outcome.held).toContain(story.id);
    expect((await chief.get(`/api/stories/${story.id}`)).json().status).toBe('approved');
    expect((await events(story)).at(-1)?.note).toMatch(/Not published at the scheduled time: 1 linked story is not published/);
  });

  it('publishes an approved revision kept as changes, and keeps it whole from then on', async () => {
    const story = (await editor.post('/api/stories', { headline: 'First headline', standfirst: 'Standfirst', byline: 'Staff', body: paragraphs('Text.') })).json() as Story;
    const edited = (await editor.patch(`/api/stories/${story.id}`, { headline: 'Edited headline' }, { 'if-match': '"1"' })).json() as Story;
    const revisionRow = () => t.database.db.selectFrom('story_revisions').select('delta_of').where('story_id', '=', story.id).where('revision', '=', edited.revision).executeTakeFirstOrThrow();
    expect(await revisionRow()).toEqual({ delta_of: 1 });
    await t.database.db.updateTable('stories').set({ status: 'approved' }).where('id', '=', story.id).execute();
    const when = new Date(Date.now() + 5 * 60_000).toISOString();
    expect((await chief.post(`/api/stories/${story.id}/transitions`, { to: 'scheduled', scheduledAt: when })).statusCode).toBe(200);
    expect((await publishDueStories(store(), new Date(Date.parse(when) + 1000))).published).toContain(story.id);
    expect(await revisionRow()).toEqual({ delta_of: null });
    expect((await t.anonymous().get(`/news/${edited.slug}`)).body).toContain('Edited headline');
  });

  it('goes on with the rest of the schedule when one story fails', async () => {
    const { story: broken, when } = await schedule({ headline: 'Broken snapshot' }, 3);
    const { story: fine } = await schedule({ headline: 'Fine one' }, 4);
    await t.database.db.updateTable('stories').set({ approved_revision: 999 }).where('id', '=', broken.id).execute();
    const problems: unknown[] = [];
    const outcome = await publishDueStories(store(), new Date(Date.parse(when) + 5 * 60_000), (error) => problems.push(error));
    expect(outcome.published).toContain(fine.id);
    expect(problems).toHaveLength(1);
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
