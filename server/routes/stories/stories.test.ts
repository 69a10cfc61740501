import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story, StoryListResponse } from '../../../src/domain/api/stories';
import { paragraphs, sampleBody } from '../../test/documents';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../../test/harness';

async function createStory(client: ApiClient, fields: Record<string, unknown> = {}): Promise<Story> {
  const response = await client.post('/api/stories', fields);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Story;
}

async function save(client: ApiClient, story: Pick<Story, 'id' | 'revision'>, changes: Record<string, unknown>) {
  return client.patch(`/api/stories/${story.id}`, changes, { 'if-match': `"${story.revision}"` });
}

describe.each(testDialects())('stories API on %s', (dialect) => {
  let t: TestApp;
  let reporter: ApiClient;
  let reporter2: ApiClient;
  let editor: ApiClient;
  let photoEditor: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    [reporter, reporter2, editor, photoEditor, admin] = await Promise.all([
      t.as('reporter'),
      t.as('reporter2'),
      t.as('editor'),
      t.as('photo_editor'),
      t.as('admin'),
    ]);
  });
  afterAll(() => t.close());

  /** Every refusal must leave the story exactly as it was. */
  async function expectUnchanged(story: Story) {
    const now = (await editor.get(`/api/stories/${story.id}`)).json() as Story;
    expect(now).toEqual(story);
  }

  describe('create and read', () => {
    it('creates a draft at revision 1 with the author as byline, and reads it back with an ETag', async () => {
      const response = await reporter.post('/api/stories', { headline: 'Harbour bridge to close for repairs', body: sampleBody() });
      expect(response.statusCode).toBe(201);
      const story = response.json() as Story;
      expect(story).toMatchObject({
        status: 'draft',
        revision: 1,
        liveRevision: null,
        headline: 'Harbour bridge to close for repairs',
        slug: 'harbour-bridge-to-close-for-repairs',
        byline: 'Test reporter',
        authorIds: [t.accounts.reporter.id],
        tags: [],
        section: null,
        wordCount: 17,
      });
      expect(story.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.etag).toBe('"1"');
      expect(response.headers.location).toBe(`/api/stories/${story.id}`);
      // Every block got a stable id.
      for (const block of story.body.content ?? []) expect(block.attrs?.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);

      const read = await reporter.get(`/api/stories/${story.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.headers.etag).toBe('"1"');
      expect(read.json()).toEqual(story);
    });

    it('gives every story its own slug', async () => {
      const a = await createStory(editor, { headline: 'Same headline' });
      const b = await createStory(editor, { headline: 'Same headline' });
      expect(a.slug).toBe('same-headline');
      expect(b.slug).toBe('same-headline-2');
      const untitled = await createStory(editor);
      expect(untitled.slug).toMatch(/^story-[0-9a-f]{8}$/);
      expect(untitled.body).toEqual({ type: 'doc', content: [{ type: 'paragraph', attrs: { id: expect.any(String) } }] });
    });

    it('hides another reporter’s draft (404), but shows it once submitted and to the desk', async () => {
      const story = await createStory(reporter, { headline: 'My private draft' });
      expect((await reporter2.get(`/api/stories/${story.id}`)).statusCode).toBe(404);
      expect((await editor.get(`/api/stories/${story.id}`)).statusCode).toBe(200);
      expect((await photoEditor.get(`/api/stories/${story.id}`)).statusCode).toBe(200);
      expect((await reporter2.get('/api/stories?q=private')).json().items).toEqual([]);
      await t.database.db.updateTable('stories').set({ status: 'submitted' }).where('id', '=', story.id).execute();
      expect((await reporter2.get(`/api/stories/${story.id}`)).statusCode).toBe(200);
    });

    it('refuses roles that may not create or see stories', async () => {
      const photo = await photoEditor.post('/api/stories', { headline: 'Not mine to write' });
      expect(photo.statusCode).toBe(403);
      expect(photo.json().error.code).toBe('forbidden');
      expect((await admin.get('/api/stories')).statusCode).toBe(403);
    });

    it('answers 404 for a story that does not exist', async () => {
      const response = await editor.get('/api/stories/00000000-0000-4000-8000-000000000000');
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ error: { code: 'not_found', message: 'Story not found' } });
    });
  });

  describe('saving', () => {
    it('saves changed fields with If-Match, bumps the revision, and keeps the rest', async () => {
      const story = await createStory(reporter, { headline: 'First headline', standfirst: 'The standfirst' });
      const response = await save(reporter, story, {
        headline: 'Second headline',
        tags: ['transport', 'harbour'],
        section: 'news',
        dateline: 'KESTREL BAY',
        seoTitle: 'Night ferry',
        seoDescription: 'A night ferry runs from Monday',
        body: paragraphs('One two three four.'),
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers.etag).toBe('"2"');
      const saved = response.json() as Story;
      expect(saved).toMatchObject({
        revision: 2,
        headline: 'Second headline',
        standfirst: 'The standfirst',
        tags: ['transport', 'harbour'],
        section: 'news',
        dateline: 'KESTREL BAY',
        seoTitle: 'Night ferry',
        wordCount: 4,
        // Not yet published: the web address follows the headline.
        slug: 'second-headline',
      });
      expect(saved.updatedAt >= story.updatedAt).toBe(true);
      expect((await reporter.get(`/api/stories/${story.id}`)).json()).toEqual(saved);

      const revisions = await t.database.db.selectFrom('story_revisions').select(['revision', 'saved_by']).where('story_id', '=', story.id).orderBy('revision').execute();
      expect(revisions).toEqual([
        { revision: 1, saved_by: t.accounts.reporter.id },
        { revision: 2, saved_by: t.accounts.reporter.id },
      ]);
    });

    it('keeps the revision when a save changes nothing', async () => {
      const story = await createStory(reporter, { headline: 'Unchanged' });
      const response = await save(reporter, story, { headline: 'Unchanged' });
      expect(response.statusCode).toBe(200);
      expect(response.json().revision).toBe(1);
    });

    it('refuses a stale revision with 409 and the current story, storing nothing', async () => {
      const story = await createStory(reporter, { headline: 'Original' });
      const first = await save(editor, story, { headline: 'Edited by the desk' });
      expect(first.statusCode).toBe(200);
      const current = first.json() as Story;
      const stale = await save(reporter, story, { headline: 'Reporter’s late change' });
      expect(stale.statusCode).toBe(409);
      const error = stale.json().error;
      expect(error.code).toBe('conflict');
      expect(error.details.currentRevision).toBe(2);
      expect(error.details.story).toEqual(current);
      await expectUnchanged(current);
    });

    it('lets exactly one of several racing saves on the same revision win; the rest get 409', async () => {
      const story = await createStory(editor, { headline: 'Race' });
      const clients = [editor, await t.as('editor'), await t.as('chief_editor'), reporter];
      await t.database.db.updateTable('story_authors').set({ user_id: t.accounts.reporter.id }).where('story_id', '=', story.id).execute();
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => save(clients[i % clients.length], story, { headline: `Race entry ${i}` })),
      );
      const codes = answers.map((answer) => answer.statusCode).sort();
      expect(codes.filter((code) => code === 200)).toHaveLength(1);
      expect(codes.filter((code) => code === 409)).toHaveLength(11);
      const winner = answers.find((answer) => answer.statusCode === 200)!.json() as Story;
      const stored = (await editor.get(`/api/stories/${story.id}`)).json() as Story;
      expect(stored.revision).toBe(2);
      expect(stored.headline).toBe(winner.headline);
    });

    it('does not call a retried save a conflict when every save since was the same editor’s own', async () => {
      const story = await createStory(reporter, { headline: 'Lost answer' });
      const editorId = '6f1c2b3a-0000-4000-8000-000000000001';
      const headers = (revision: number, id = editorId) => ({ 'if-match': `"${revision}"`, 'x-editor-id': id });
      // The first save lands but its answer never reaches the browser…
      expect((await reporter.patch(`/api/stories/${story.id}`, { headline: 'Lost answer, saved' }, headers(1))).statusCode).toBe(200);
      // …so the browser retries on revision 1 with more typing. Same editor: no conflict.
      const retry = await reporter.patch(`/api/stories/${story.id}`, { headline: 'Lost answer, saved', standfirst: 'More typing' }, headers(1));
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toMatchObject({ revision: 3, headline: 'Lost answer, saved', standfirst: 'More typing' });
      // Another tab of the same person is another editor: that is a real conflict.
      expect((await reporter.patch(`/api/stories/${story.id}`, { standfirst: 'Other tab' }, headers(1, 'another-tab'))).statusCode).toBe(409);
      // And once someone else has saved, this editor's old base is merged with their save like anyone's:
      expect((await editor.patch(`/api/stories/${story.id}`, { byline: 'Desk', standfirst: 'Desk standfirst' }, headers(3, 'desk-tab'))).statusCode).toBe(200);
      expect((await reporter.patch(`/api/stories/${story.id}`, { headline: 'Late headline' }, headers(3))).json()).toMatchObject({ merged: true, revision: 5 });
      expect((await reporter.patch(`/api/stories/${story.id}`, { standfirst: 'Late' }, headers(3))).statusCode).toBe(409);
      expect((await reporter.patch(`/api/stories/${story.id}`, { standfirst: 'Bad id' }, headers(4, 'not an id!'))).statusCode).toBe(400);
    });

    it('gives stories created at the same moment with one headline a slug each', async () => {
      const answers = await Promise.all(Array.from({ length: 4 }, () => editor.post('/api/stories', { headline: 'Breaking: all at once' })));
      expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201, 201, 201]);
      const slugs = answers.map((answer) => (answer.json() as Story).slug).sort();
      expect(slugs).toEqual(['breaking-all-at-once', 'breaking-all-at-once-2', 'breaking-all-at-once-3', 'breaking-all-at-once-4']);
    });

    it('needs If-Match (428), and a well-formed one (400)', async () => {
      const story = await createStory(reporter);
      const missing = await reporter.patch(`/api/stories/${story.id}`, { headline: 'No precondition' });
      expect(missing.statusCode).toBe(428);
      expect(missing.json().error.code).toBe('precondition_required');
      const garbled = await reporter.patch(`/api/stories/${story.id}`, { headline: 'x' }, { 'if-match': 'yesterday' });
      expect(garbled.statusCode).toBe(400);
      expect(garbled.json().error.message).toContain('If-Match');
      for (const form of [(r: number) => `${r}`, (r: number) => `W/"${r}"`]) {
        const ifMatch = form(story.revision);
        expect((await reporter.patch(`/api/stories/${story.id}`, { byline: `via ${ifMatch}` }, { 'if-match': ifMatch })).statusCode).toBe(200);
        story.revision++;
      }
    });

    it('lets only the right people edit: not another reporter, not the photo desk, not the author once the desk has it', async () => {
      const story = await createStory(reporter, { headline: 'Reporter’s story' });
      await t.database.db.updateTable('stories').set({ status: 'submitted' }).where('id', '=', story.id).execute();
      const submitted = { ...story, status: 'submitted' as const };

      const other = await save(reporter2, submitted, { headline: 'Hijacked' });
      expect(other.statusCode).toBe(403);
      expect(other.json().error.message).toBe('Reporters can edit only their own stories');
      const photo = await save(photoEditor, submitted, { headline: 'Photo desk rewrite' });
      expect(photo.statusCode).toBe(403);
      await expectUnchanged(submitted);

      // The author may still edit while submitted…
      const own = await save(reporter, submitted, { standfirst: 'Added while submitted' });
      expect(own.statusCode).toBe(200);
      // …but not once the desk has marked it ready.
      await t.database.db.updateTable('stories').set({ status: 'ready' }).where('id', '=', story.id).execute();
      const ready = { ...(own.json() as Story), status: 'ready' as const };
      const late = await save(reporter, ready, { standfirst: 'Too late' });
      expect(late.statusCode).toBe(403);
      expect(late.json().error.message).toMatch(/with the desk/);
      await expectUnchanged(ready);
      // The desk can.
      expect((await save(editor, ready, { standfirst: 'Desk edit' })).statusCode).toBe(200);
    });
  });

  describe('refusals name the problem and store nothing', () => {
    let story: Story;
    beforeAll(async () => {
      story = await createStory(reporter, { headline: 'Target of bad requests', body: sampleBody() });
    });

    const badBodies: Array<[string, unknown, RegExp]> = [
      ['an unknown node type', { type: 'doc', content: [{ type: 'script', content: [] }] }, /unknown node type "script"/],
      ['an unknown mark', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'underline' }] }] }] }, /unknown mark "underline"/],
      [
        'a javascript: link',
        { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] },
        /content\[0\]\.content\[0\]\.marks\[0\]\.attrs\.href: link "javascript:alert\(1\)" is not allowed/,
      ],
      ['a link without an href', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link' }] }] }] }, /a link needs an href or a story/],
      ['a heading level the schema has no place for', { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'H1' }] }] }, /heading level must be 2 or 3/],
      ['an attribute the node does not have', { type: 'doc', content: [{ type: 'paragraph', attrs: { onclick: 'alert(1)' } }] }, /paragraph has no attribute "onclick"/],
      ['content in the wrong place', { type: 'doc', content: [{ type: 'text', text: 'loose text' }] }, /does not fit the story schema/],
      ['not a document at all', 'hello', /must be a document/],
    ];

    it.each(badBodies)('refuses a body with %s (400)', async (_label, body, message) => {
      const response = await save(reporter, story, { body });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(response.json().error.message).toMatch(message);
      await expectUnchanged(story);
    });

    it('refuses text over the limits, unknown fields and wrong types (400)', async () => {
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ headline: 'x'.repeat(301) }, /headline: Headline can be at most 300 characters/],
        [{ headline: 'Line one\nline two' }, /cannot contain line breaks/],
        [{ tags: ['a', 'A'] }, /Each tag can appear only once/],
        [{ tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }, /at most 20 tags/],
        [{ section: 'gossip' }, /Section must be one of/],
        [{ status: 'published' }, /Unrecognized key/],
        [{ headline: 42 }, /Headline must be text/],
        [{}, /at least one field/],
      ];
      for (const [changes, message] of cases) {
        const response = await save(reporter, story, changes);
        expect(response.statusCode, JSON.stringify(changes)).toBe(400);
        expect(response.json().error.message).toMatch(message);
      }
      await expectUnchanged(story);
    });

    it('refuses malformed JSON, a wrong content type and an oversized body', async () => {
      const malformed = await reporter.request('PATCH', `/api/stories/${story.id}`, {
        rawBody: '{"headline": "unterminated',
        headers: { 'if-match': '"1"' },
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json()).toEqual({ error: { code: 'bad_request', message: 'The request body is not valid JSON' } });

      const text = await reporter.request('PATCH', `/api/stories/${story.id}`, {
        rawBody: 'headline=x',
        headers: { 'if-match': '"1"', 'content-type': 'text/plain' },
      });
      expect(text.statusCode).toBe(415);
      expect(text.json().error.code).toBe('unsupported_media_type');

      const huge = await save(reporter, story, { body: paragraphs('word '.repeat(1_100_000)) });
      expect(huge.statusCode).toBe(413);
      expect(huge.json().error.code).toBe('payload_too_large');

      const tooLong = await save(reporter, story, { body: paragraphs(...Array.from({ length: 11 }, () => 'x'.repeat(100_000))) });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().error.message).toMatch(/longer than 1000000 characters/);
      await expectUnchanged(story);
    });

    it('refuses control characters anywhere with a 4xx, never a 500', async () => {
      const nul = '\u0000';
      const body = await save(reporter, story, { body: paragraphs(`a${nul}b`) });
      expect(body.statusCode).toBe(400);
      expect(body.json().error.message).toMatch(/control characters/);
      expect((await save(reporter, story, { byline: `a${nul}b` })).statusCode).toBe(400);
      for (const url of [`/api/stories?author=a%00b`, `/api/stories/a%00b`, `/api/stories?q=a%00b`]) {
        expect((await reporter.get(url)).statusCode, url).toBeLessThan(500);
      }
      const cursor = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', `x${nul}`])).toString('base64url');
      expect((await reporter.get(`/api/stories?cursor=${cursor}`)).statusCode).toBe(400);
      expect((await t.anonymous().logIn(`a${nul}@test.example`, 'x')).statusCode).toBe(400);
      await expectUnchanged(story);
    });

    it('refuses deeply nested bodies without falling over', async () => {
      // Built as text: even JSON.stringify cannot nest this deep.
      const nested = (depth: number) => `{"body":{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(depth)}{"type":"paragraph"}${']}'.repeat(depth)}]}}`;
      // Past the JSON depth bound: refused before parsing. Within it but past the document's own: the schema says so.
      for (const [depth, message] of [[5000, /nests deeper than 64 levels of JSON/], [26, /nesting is deeper than 24 levels/]] as const) {
        const response = await reporter.request('PATCH', `/api/stories/${story.id}`, { rawBody: nested(depth), headers: { 'if-match': `"${story.revision}"` } });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.message).toMatch(message);
      }
      await expectUnchanged(story);
    });
  });

  describe('list, search and pagination', () => {
    let list: TestApp;
    let desk: ApiClient;
    let author: ApiClient;
    const made: Story[] = [];

    beforeAll(async () => {
      list = await startTestApp(dialect);
      desk = await list.as('editor');
      author = await list.as('reporter');
      const specs: Array<[ApiClient, Record<string, unknown>]> = [
        [author, { headline: 'Lighthouse keepers return to Gull Point', section: 'news', body: paragraphs('Keepers mend the lamp by hand through winter storms.') }],
        [author, { headline: 'Council backs car-free market streets', section: 'politics', standfirst: 'Traders split over the pedestrian plan' }],
        [desk, { headline: 'Rowing crew wins national title', section: 'sport', body: paragraphs('The under-19 crew from Kestrel Bay won by two lengths.') }],
        [desk, { headline: 'Café owners welcome the night ferry', section: 'business', body: paragraphs('Later sailings mean later customers, owners say.') }],
      ];
      for (const [client, fields] of specs) made.push(await createStory(client, fields));
      for (let i = 0; i < 7; i++) made.push(await createStory(desk, { headline: `Filler story ${i}`, section: 'culture' }));
    });
    afterAll(() => list.close());

    const get = async (client: ApiClient, query: string) => {
      const response = await client.get(`/api/stories${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as StoryListResponse;
    };

    it('lists newest change first, without bodies', async () => {
      const page = await get(desk, '');
      expect(page.items.map((s) => s.headline)).toEqual(made.map((s) => s.headline).reverse());
      expect(page.items[0]).not.toHaveProperty('body');
      expect(page.items[0]).toMatchObject({ status: 'draft', byline: 'Test editor', section: 'culture', wordCount: 0 });
      expect(page.nextCursor).toBeNull();
    });

    it('pages with a cursor, without repeats or gaps', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: StoryListResponse = await get(desk, `?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((s) => s.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(made.map((s) => s.id).reverse());
    });

    it('finds stories by words in the headline, standfirst or body, as prefixes, ignoring case and accents', async () => {
      const headlines = async (q: string) => (await get(desk, `?q=${encodeURIComponent(q)}`)).items.map((s) => s.headline);
      expect(await headlines('lighthouse')).toEqual(['Lighthouse keepers return to Gull Point']);
      expect(await headlines('PEDESTRIAN')).toEqual(['Council backs car-free market streets']);
      expect(await headlines('lengths')).toEqual(['Rowing crew wins national title']);
      expect(await headlines('kestr')).toEqual(['Rowing crew wins national title']);
      expect(await headlines('cafe')).toEqual(['Café owners welcome the night ferry']);
      expect(await headlines('night sailings')).toEqual(['Café owners welcome the night ferry']);
      expect(await headlines('nothing-like-this')).toEqual([]);
      // Search syntax from a user is just words: no errors, no injection.
      expect(await headlines('"lamp" * ( -')).toEqual(['Lighthouse keepers return to Gull Point']);
    });

    it('finds a story by its new words after a save, and not by the old ones', async () => {
      const story = made[0];
      const fresh = (await desk.get(`/api/stories/${story.id}`)).json() as Story;
      expect((await save(desk, fresh, { body: paragraphs('A quiet season for the foghorn.') })).statusCode).toBe(200);
      expect((await get(desk, '?q=foghorn')).items.map((s) => s.id)).toEqual([story.id]);
      expect((await get(desk, '?q=storms')).items).toEqual([]);
    });

    it('filters by status, section and author, and combines them with search', async () => {
      expect((await get(desk, '?section=sport')).items.map((s) => s.headline)).toEqual(['Rowing crew wins national title']);
      expect((await get(desk, '?status=published')).items).toEqual([]);
      expect((await get(desk, '?status=published,draft&section=sport')).items.map((s) => s.headline)).toEqual(['Rowing crew wins national title']);
      expect((await get(desk, '?status=draft&section=culture')).items).toHaveLength(7);
      const mine = await get(author, '?author=me');
      expect(mine.items.map((s) => s.headline).sort()).toEqual(['Council backs car-free market streets', 'Lighthouse keepers return to Gull Point']);
      expect((await get(desk, `?author=${list.accounts.reporter.id}&q=council`)).items).toHaveLength(1);
    });

    it('shows a reporter only their own drafts', async () => {
      const page = await get(await list.as('reporter2'), '');
      expect(page.items).toEqual([]);
    });

    it('names every author of each story in lists and searches, co-authors too, who see the draft as theirs', async () => {
      const [, council] = made;
      const coAuthor = list.accounts.reporter2.id;
      await list.database.db.insertInto('story_authors').values({ story_id: council!.id, user_id: coAuthor }).execute();
      try {
        const both = [list.accounts.reporter.id, coAuthor].sort();
        const listed = new Map((await get(desk, '')).items.map((s) => [s.id, s.authorIds]));
        expect(Object.fromEntries(made.map((s) => [s.id, listed.get(s.id)]))).toEqual(Object.fromEntries(made.map((s) => [s.id, s.id === council!.id ? both : s.authorIds])));
        expect((await get(desk, '?q=council')).items.map((s) => s.authorIds)).toEqual([both]);
        expect((await get(await list.as('reporter2'), '')).items.map((s) => [s.id, s.authorIds])).toEqual([[council!.id, both]]);
      } finally {
        await list.database.db.deleteFrom('story_authors').where('story_id', '=', council!.id).where('user_id', '=', coAuthor).execute();
      }
    });

    it('refuses bad list parameters with 400', async () => {
      for (const query of ['?status=lost', '?status=draft,lost', '?status=', '?limit=0', '?limit=101', '?limit=ten', '?cursor=not-a-cursor', `?q=${'x'.repeat(201)}`, '?sort=headline']) {
        const response = await desk.get(`/api/stories${query}`);
        expect(response.statusCode, query).toBe(400);
        expect(response.json().error.message.length).toBeGreaterThan(5);
      }
    });
  });
});
