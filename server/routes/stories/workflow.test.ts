import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story, StoryEvent } from '../../../src/domain/api/stories';
import { canTransition } from '../../../src/domain/auth/permissions';
import { ROLES, type Role } from '../../../src/domain/auth/roles';
import { STORY_STATUSES, type StoryStatus } from '../../../src/domain/story/status';
import { findTransition } from '../../../src/domain/story/workflow';
import { paragraphs } from '../../test/documents';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../../test/harness';

const COMPLETE = {
  headline: 'Night ferry to run while the bridge is repaired',
  standfirst: 'Commuters get a late crossing from Monday.',
  byline: 'Harbourline News Service',
  dateline: 'KESTREL BAY',
  body: paragraphs('The port authority will run a night ferry from Monday.'),
};

describe.each(testDialects())('editorial workflow on %s', (dialect) => {
  let t: TestApp;
  let clients: Record<Role, ApiClient>;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    clients = {} as Record<Role, ApiClient>;
    for (const role of ROLES) clients[role] = await t.as(role);
  });
  afterAll(() => t.close());

  const create = async (fields: Record<string, unknown> = COMPLETE, role: Role = 'reporter') => {
    const response = await clients[role].post('/api/stories', fields);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Story;
  };
  const move = (role: Role, story: Pick<Story, 'id'>, to: StoryStatus, extra: Record<string, unknown> = {}) =>
    clients[role].post(`/api/stories/${story.id}/transitions`, { to, ...extra });
  const setStatus = (story: Story, status: StoryStatus) => t.database.db.updateTable('stories').set({ status }).where('id', '=', story.id).execute();
  const get = async (story: Pick<Story, 'id'>) => (await clients.chief_editor.get(`/api/stories/${story.id}`)).json() as Story;

  it('allows exactly the moves the shared rules allow, for every state, role and target', async () => {
    const story = await create();
    const author = { id: t.accounts.reporter.id, role: 'reporter' as const };
    const mismatches: string[] = [];
    for (const from of STORY_STATUSES) {
      for (const role of ROLES) {
        for (const to of STORY_STATUSES) {
          await setStatus(story, from);
          const transition = findTransition(from, to);
          const extra = {
            ...(transition?.requiresNote ? { note: 'Needs a second source' } : {}),
            ...(transition?.requiresTime ? { scheduledAt: new Date(Date.now() + 3_600_000).toISOString() } : {}),
          };
          const response = await move(role, story, to, extra);
          const actor = role === 'reporter' ? author : { id: t.accounts[role].id, role };
          const allowed = canTransition(actor, { status: from, authorIds: [author.id] }, to);
          const expected = allowed ? 200 : role === 'admin' ? 404 : !transition ? 409 : 403;
          if (response.statusCode !== expected) mismatches.push(`${from} → ${to} as ${role}: ${response.statusCode}, expected ${expected}`);
          if (allowed && response.statusCode === 200 && (await get(story)).status !== to) mismatches.push(`${from} → ${to} as ${role}: status not stored`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('runs the publish checklist on approval and lists what fails (422)', async () => {
    const story = await create({ headline: '', body: paragraphs('Just a body.') });
    await setStatus(story, 'ready');
    const response = await move('chief_editor', story, 'approved');
    expect(response.statusCode).toBe(422);
    const error = response.json().error;
    expect(error.code).toBe('checklist_failed');
    expect(error.details.items.map((item: { id: string }) => item.id)).toEqual(['headline', 'standfirst', 'slug']);
    expect(error.details.items[0]).toEqual({ id: 'headline', label: 'Headline', problem: 'The story has no headline', target: 'headline' });
    expect((await get(story)).status).toBe('ready');

    const checklist = await clients.editor.get(`/api/stories/${story.id}/checklist`);
    expect(checklist.json().items.filter((item: { ok: boolean }) => item.ok).map((item: { id: string }) => item.id)).toEqual(['byline', 'figures', 'links']);
  });

  it('blocks publication while a "Read also" target is not published', async () => {
    const target = await create({ ...COMPLETE, headline: 'An earlier story' });
    const story = await create({ ...COMPLETE, headline: 'Links to it', body: { type: 'doc', content: [{ type: 'readAlso', attrs: { storyId: target.id } }] } });
    await setStatus(story, 'approved');
    const refused = await move('chief_editor', story, 'published');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.items[0]).toMatchObject({ id: 'links', problem: '1 linked story is not published: “An earlier story”', target: `story:${target.id}` });
    await setStatus(target, 'approved');
    expect((await move('chief_editor', target, 'published')).statusCode).toBe(200);
    expect((await move('chief_editor', story, 'published')).statusCode).toBe(200);
  });

  it('asks for a note when sending back and a future time when scheduling', async () => {
    const story = await create();
    await setStatus(story, 'submitted');
    const noNote = await move('editor', story, 'draft');
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.message).toMatch(/note: say why/);
    expect((await move('editor', story, 'draft', { note: '   ' })).statusCode).toBe(400);
    await setStatus(story, 'approved');
    expect((await move('chief_editor', story, 'scheduled')).statusCode).toBe(400);
    expect((await move('chief_editor', story, 'scheduled', { scheduledAt: new Date(Date.now() - 1000).toISOString() })).statusCode).toBe(400);
    expect((await move('chief_editor', story, 'scheduled', { scheduledAt: 'tomorrow' })).statusCode).toBe(400);
    expect((await move('chief_editor', story, 'scheduled', { scheduledAt: '9999-12-31T23:59:59-23:59' })).statusCode).toBe(400);
    const when = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const scheduled = await move('chief_editor', story, 'scheduled', { scheduledAt: when });
    expect(scheduled.statusCode).toBe(200);
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', scheduledAt: when });
    const cancelled = await move('chief_editor', story, 'approved');
    expect(cancelled.json()).toMatchObject({ status: 'approved', scheduledAt: null });
  });

  it('keeps the live revision while the working copy moves on, until a chief editor publishes the update as a correction', async () => {
    const story = await create();
    await setStatus(story, 'approved');
    const published = (await move('chief_editor', story, 'published')).json() as Story;
    expect(published).toMatchObject({ status: 'published', liveRevision: 1, revision: 1, publishedAt: expect.any(String) });

    const edited = await clients.editor.patch(`/api/stories/${story.id}`, { headline: 'Night ferry delayed by a week' }, { 'if-match': '"1"' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ revision: 2, liveRevision: 1, slug: published.slug });
    // A reporter cannot edit a published story at all.
    expect((await clients.reporter.patch(`/api/stories/${story.id}`, { headline: 'x' }, { 'if-match': '"2"' })).statusCode).toBe(403);

    const pending = (await clients.editor.get(`/api/stories/${story.id}/pending-changes`)).json();
    expect(pending).toMatchObject({ liveRevision: 1, revision: 2 });
    expect(pending.changes.map((change: { field: string }) => change.field)).toEqual(['headline']);
    const parts = pending.changes[0].parts as Array<{ value: string; added?: boolean; removed?: boolean }>;
    const words = (kind: 'added' | 'removed') => parts.filter((part) => part[kind]).flatMap((part) => part.value.trim().split(/\s+/));
    expect(words('removed')).toEqual(expect.arrayContaining(['run', 'while', 'repaired']));
    expect(words('added')).toEqual(expect.arrayContaining(['delayed', 'week']));
    // Kept words are neither.
    expect(parts.find((part) => part.value.includes('Night'))).toEqual({ value: expect.stringContaining('Night') });

    expect((await clients.editor.post(`/api/stories/${story.id}/corrections`, { note: 'Date corrected' })).statusCode).toBe(403);
    expect((await clients.chief_editor.post(`/api/stories/${story.id}/corrections`, { note: '' })).statusCode).toBe(400);
    const corrected = await clients.chief_editor.post(`/api/stories/${story.id}/corrections`, { note: 'The ferry starts a week later than first reported' });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ revision: 2, liveRevision: 2, publishedAt: published.publishedAt });
    // The revision readers now see was kept as the headline's change; it is kept whole from now on.
    const live = await t.database.db.selectFrom('story_revisions').select(['delta_of', 'snapshot']).where('story_id', '=', story.id).where('revision', '=', 2).executeTakeFirstOrThrow();
    expect(live.delta_of).toBeNull();
    expect(JSON.parse(live.snapshot)).toMatchObject({ headline: 'Night ferry delayed by a week', body: published.body });
    expect((await clients.chief_editor.post(`/api/stories/${story.id}/corrections`, { note: 'again' })).statusCode).toBe(409);

    const events = (await clients.reporter.get(`/api/stories/${story.id}/events`)).json().items as StoryEvent[];
    expect(events.map((event) => [event.kind, event.from, event.to, event.revision, event.actor.name])).toEqual([
      ['transition', 'approved', 'published', 1, 'Test chief_editor'],
      ['correction', 'published', 'published', 2, 'Test chief_editor'],
    ]);
    expect(events[1].note).toBe('The ferry starts a week later than first reported');
  });

  it('shows the author the note the desk sent the story back with', async () => {
    const story = await create();
    expect((await move('reporter', story, 'submitted')).statusCode).toBe(200);
    expect((await move('editor', story, 'draft', { note: 'Please add the council’s reply' })).statusCode).toBe(200);
    const events = (await clients.reporter.get(`/api/stories/${story.id}/events`)).json().items as StoryEvent[];
    expect(events.map((event) => `${event.from}→${event.to} by ${event.actor.name}: ${event.note ?? ''}`)).toEqual([
      'draft→submitted by Test reporter: ',
      'submitted→draft by Test editor: Please add the council’s reply',
    ]);
  });

  it('moves the web address with the headline until the story is first published, then keeps it', async () => {
    const story = await create({ headline: 'First working headline' });
    const renamed = await clients.reporter.patch(`/api/stories/${story.id}`, { headline: 'Better headline' }, { 'if-match': '"1"' });
    expect(renamed.json().slug).toBe('better-headline');
    const empty = await create({ headline: '' });
    expect(empty.slug).toMatch(/^story-/);
    const named = await clients.reporter.patch(`/api/stories/${empty.id}`, { headline: 'Better headline' }, { 'if-match': '"1"' });
    expect(named.json().slug).toBe('better-headline-2');
  });

  it('refuses malformed moves', async () => {
    const story = await create();
    expect((await move('editor', story, 'limbo' as StoryStatus)).statusCode).toBe(400);
    expect((await clients.editor.post(`/api/stories/${story.id}/transitions`, { to: 'submitted', extra: 1 })).statusCode).toBe(400);
    expect((await move('editor', { id: '00000000-0000-4000-8000-000000000000' }, 'submitted')).statusCode).toBe(404);
    expect((await move('editor', story, 'draft', { note: 'x'.repeat(2001) })).statusCode).toBe(400);
  });
});
