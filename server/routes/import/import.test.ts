import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResponse } from '../../../src/domain/api/imports';
import type { Story } from '../../../src/domain/api/stories';
import { fixture, outline } from '../../services/import/test-helpers';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../../test/harness';

describe.each(testDialects())('POST /api/import on %s', (dialect) => {
  let t: TestApp;
  let reporter: ApiClient;
  let editor: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    [reporter, editor] = await Promise.all([t.as('reporter'), t.as('editor')]);
  });
  afterAll(() => t.close());

  const storyCount = async () => Number((await t.database.db.selectFrom('stories').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  async function publishedStory(headline: string): Promise<Story> {
    const response = await editor.post('/api/stories', { headline });
    expect(response.statusCode, response.body).toBe(201);
    const story = response.json() as Story;
    await t.database.db.updateTable('stories').set({ status: 'published' }).where('id', '=', story.id).execute();
    return story;
  }

  it('makes a draft of plain-text wire copy, linking "Read also" to the story with that headline and flagging the one with none', async () => {
    const target = await publishedStory('Harbour wall repairs to close night ferries until spring');
    const response = await reporter.post('/api/import', { format: 'text', content: fixture('republished-wire.txt') });
    expect(response.statusCode, response.body).toBe(201);
    const { story, report } = response.json() as ImportResponse;
    expect(response.headers.location).toBe(`/api/stories/${story.id}`);
    expect(story).toMatchObject({
      status: 'draft',
      revision: 1,
      authorIds: [t.accounts.reporter.id],
      headline: 'Night ferries return to Kestrel Bay as harbour repairs end early',
      standfirst: 'Port authority to add two crossings before the summer timetable, with fares frozen until autumn',
      byline: 'AFP',
      dateline: 'KESTREL BAY',
      leadPhoto: { photoId: null, caption: 'Passengers board the first night ferry at the Kestrel Bay terminal, March 3, 2025.', credit: 'AFP', alt: '' },
      slug: 'night-ferries-return-to-kestrel-bay-as-harbour-repairs-end-early',
    });
    expect(outline(story.body.content).map((block) => (block as unknown[]).slice(0, 3))).toEqual([
      ['p', expect.stringMatching(/^Night ferries returned/)],
      ['p', expect.stringMatching(/^The port authority/)],
      ['p', expect.stringMatching(/^"We promised/)],
      ['readAlso', 'Read also', target.id],
      ['p', expect.stringMatching(/^Shopkeepers/)],
      ['h2', 'Unions welcome the timetable'],
      ['p', expect.stringMatching(/^The ferry workers/)],
      ['readAlso', 'Read', 'Island restaurants count the cost of a quiet winter'],
      ['p', 'The authority will publish the full summer timetable next week.'],
    ]);
    expect(story.body.content![7].attrs).toMatchObject({ storyId: null, title: 'Island restaurants count the cost of a quiet winter' });
    expect(report).toEqual({
      format: 'text',
      sourceDate: '2025-03-03',
      readAlso: { linked: 1, placeholders: ['Island restaurants count the cost of a quiet winter'] },
      leadPhotoWanted: true,
      notes: [],
    });
    // The story is an ordinary draft: it reads back, and links show up as backlinks of the target.
    expect((await reporter.get(`/api/stories/${story.id}`)).json()).toEqual(story);
    expect((await editor.get(`/api/stories/${target.id}/backlinks`)).json().items.map((ref: { id: string }) => ref.id)).toEqual([story.id]);
    // The photo desk sees the picture it has to find.
    const desk = (await editor.get('/api/stories?photos=incomplete')).json().items.map((s: Story) => s.id);
    expect(desk).toContain(story.id);
  });

  it('imports ninjs and NewsML-G2', async () => {
    const ninjs = await editor.post('/api/import', { format: 'ninjs', content: fixture('ninjs-2.json') });
    expect(ninjs.statusCode, ninjs.body).toBe(201);
    expect((ninjs.json() as ImportResponse).story).toMatchObject({ headline: 'Harbour bridge to shut for two weekends', byline: 'Sigrid Aas', dateline: 'KESTREL BAY' });
    const newsml = await editor.post('/api/import', { format: 'newsml', content: fixture('newsml-nitf.xml') });
    expect(newsml.statusCode, newsml.body).toBe(201);
    const { story, report } = newsml.json() as ImportResponse;
    expect(story).toMatchObject({ headline: 'Lyon bakers win fight to keep Sunday trading', byline: 'Claire Martin', dateline: 'LYON' });
    expect(report.sourceDate).toBe('2025-06-02');
  });

  it('lets only those who may create stories import, with a session and its CSRF token', async () => {
    const body = { format: 'text', content: 'Headline\n\nText.' };
    for (const role of ['photo_editor', 'admin'] as const) {
      const response = await (await t.as(role)).post('/api/import', body);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    expect((await t.anonymous().post('/api/import', body)).statusCode).toBe(401);
    expect((await reporter.request('POST', '/api/import', { body, csrf: false })).json().error.code).toBe('csrf_failed');
  });

  const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<newsItem><contentMeta><headline>&lol9;</headline></contentMeta></newsItem>`;
  const XXE = `<?xml version="1.0"?>
<!DOCTYPE newsItem [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<newsItem><contentMeta><headline>&xxe;</headline></contentMeta></newsItem>`;

  it.each([
    ['an empty file', { format: 'text', content: '' }, 400, 'bad_request', /empty/],
    ['only blank lines', { format: 'text', content: ' \n\n\t\n' }, 400, 'bad_request', /empty/],
    ['binary junk', { format: 'text', content: '\u0000\u0001\u0002\u00ff\u0000JFIF\u0000\u0000' }, 422, 'invalid_import', /not text/],
    ['a Word file read as text', { format: 'text', content: 'PK\u0003\u0004\u0014\u0000\u0006\u0000word/document.xml' }, 422, 'invalid_import', /Word document/],
    ['XML with an external entity (XXE)', { format: 'newsml', content: XXE }, 422, 'invalid_import', /document type declaration/],
    ['an entity expansion bomb', { format: 'newsml', content: BILLION_LAUGHS }, 422, 'invalid_import', /refuses DTDs/],
    ['an undeclared entity', { format: 'newsml', content: '<newsItem><contentMeta><headline>&xxe;</headline></contentMeta></newsItem>' }, 422, 'invalid_import', /not well-formed/],
    ['malformed XML', { format: 'newsml', content: '<newsItem><contentMeta></newsItem>' }, 422, 'invalid_import', /not well-formed/],
    ['XML that is no news item', { format: 'newsml', content: '<html><body><p>Hi</p></body></html>' }, 422, 'invalid_import', /NewsML-G2/],
    ['JSON that is not JSON', { format: 'ninjs', content: '{"headline": ' }, 422, 'invalid_import', /cannot be read/],
    ['JSON that is not an object', { format: 'ninjs', content: '[1, 2, 3]' }, 422, 'invalid_import', /JSON object/],
    ['an unknown format', { format: 'docx', content: 'x' }, 400, 'validation_failed', /format must be one of: text, ninjs, newsml/],
    ['content that is not text', { format: 'text', content: 12 }, 400, 'validation_failed', /content must be the copy/],
    ['copy over the limit', { format: 'text', content: 'a'.repeat(2 * 1024 * 1024 + 1) }, 413, 'payload_too_large', /at most 2 MB of text/],
    ['more lines than a story holds', { format: 'text', content: 'a\n'.repeat(60_000) }, 422, 'invalid_import', /too long for one story/],
    ['an HTML body too large to parse', { format: 'ninjs', content: JSON.stringify({ headline: 'H', body_html: '<p>word</p>'.repeat(60_000) }) }, 422, 'invalid_import', /HTML bodies of up to 512 KB/],
  ])('refuses %s with a clear error, and creates nothing', async (_label, body, status, code, message) => {
    const before = await storyCount();
    const started = Date.now();
    const response = await editor.post('/api/import', body);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().error).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await storyCount()).toBe(before);
  });

  it('refuses a 20 MB text before reading it (413, in words), and creates nothing', async () => {
    const before = await storyCount();
    const response = await editor.post('/api/import', { format: 'text', content: 'word '.repeat(4 * 1024 * 1024) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toEqual({
      code: 'payload_too_large',
      message: expect.stringMatching(/^The copy is 20\.0 MB; the importer takes at most 2 MB of text/),
      details: { bytes: expect.any(Number), maxBytes: 2 * 1024 * 1024 },
    });
    expect(await storyCount()).toBe(before);
  });
});
