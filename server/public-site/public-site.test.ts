import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../src/domain/api/stories';
import type { Role } from '../../src/domain/auth/roles';
import type { Photo } from '../../src/domain/api/photos';
import { paragraphs } from '../test/documents';
import { jpegBytes, multipartBody } from '../test/images';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../test/harness';

describe.each(testDialects())('public site on %s', (dialect) => {
  let t: TestApp;
  let clients: Partial<Record<Role, ApiClient>>;

  beforeAll(async () => {
    t = await startTestApp(dialect, { publicUrl: 'https://news.example.org' });
    clients = { reporter: await t.as('reporter'), editor: await t.as('editor'), chief_editor: await t.as('chief_editor') };
  });
  afterAll(() => t.close());

  const publish = async (fields: Record<string, unknown>) => {
    const created = (await clients.reporter!.post('/api/stories', fields)).json() as Story;
    await t.database.db.updateTable('stories').set({ status: 'approved' }).where('id', '=', created.id).execute();
    const response = await clients.chief_editor!.post(`/api/stories/${created.id}/transitions`, { to: 'published' });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Story;
  };
  const visit = (path: string) => t.anonymous().get(path);

  it('renders the live revision as a complete page, with no script, for anyone', async () => {
    const story = await publish({
      headline: 'Night ferry to run while <the> bridge is repaired',
      standfirst: 'Commuters get a late crossing from Monday.',
      byline: 'Harbourline News Service',
      dateline: 'KESTREL BAY',
      seoDescription: 'A night ferry runs from Monday',
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'The port authority will run a night ferry.' }] },
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Repairs until spring' }] },
          { type: 'paragraph', content: [{ type: 'text', text: '“It is the least we can do,” said the harbour master.' }] },
        ],
      },
    });
    const response = await visit(`/news/${story.slug}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    expect(html).toContain('<h1>Night ferry to run while &lt;the&gt; bridge is repaired</h1>');
    expect(html).toContain('<p class="standfirst">Commuters get a late crossing from Monday.</p>');
    expect(html).toContain('<span class="author">Harbourline News Service</span>');
    expect(html).toContain('<p class="dateline">KESTREL BAY:</p>');
    expect(html).toMatch(/<h2[^>]*>Repairs until spring<\/h2>/);
    expect(html).toContain(`<link rel="canonical" href="https://news.example.org/news/${story.slug}">`);
    expect(html).toContain('<meta property="og:title" content="Night ferry to run while &lt;the&gt; bridge is repaired">');
    expect(html).toContain('<meta name="description" content="A night ferry runs from Monday">');
    expect(html).not.toMatch(/<script/i);
    expect(response.headers['content-security-policy']).toContain("script-src 'none'");
  });

  it('shows the lead photo under the byline and photos in the body, each captioned with PHOTO: CREDIT', async () => {
    const upload = await clients.reporter!.postForm('/api/photos', multipartBody([{ name: 'file', filename: 'gardens.jpg', data: await jpegBytes({ width: 1600, height: 1000 }) }]));
    const photo = upload.json() as Photo;
    const story = await publish({
      headline: 'Better US-China ties but still deep disagreements',
      standfirst: 'Talks in Beijing follow.',
      byline: 'Reuters',
      dateline: 'SHANGHAI',
      leadPhoto: {
        photoId: photo.id,
        caption: 'US Secretary of State Blinken and US Ambassador to China Burns walk through the Yu Gardens in Shanghai, China, April 24, 2024.',
        credit: 'Reuters',
        alt: 'Two men in suits walk past a pavilion',
      },
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Blinken arrived on Wednesday.' }] },
          { type: 'figure', attrs: { photoId: photo.id, credit: 'AFP', alt: 'A crowd', width: 1600, height: 1000 }, content: [{ type: 'text', text: 'Crowds <outside>.' }] },
        ],
      },
    });
    const html = (await visit(`/news/${story.slug}`)).body;
    const lead = html.indexOf('<figure class="lead-photo"');
    expect(lead).toBeGreaterThan(html.indexOf('class="byline"'));
    expect(lead).toBeLessThan(html.indexOf('class="dateline"'));
    expect(html).toContain(
      '<figcaption><span data-caption="">US Secretary of State Blinken and US Ambassador to China Burns walk through the Yu Gardens in Shanghai, China, April 24, 2024.</span> <span class="credit" data-credit="Reuters">PHOTO: REUTERS</span></figcaption>',
    );
    expect(html).toContain(`<img src="/media/photos/${photo.id}/1024.jpg"`);
    expect(html).toContain('alt="Two men in suits walk past a pavilion" width="1600" height="1000" loading="eager"');
    expect(html).toContain('<span data-caption="">Crowds &lt;outside&gt;.</span> <span class="credit" data-credit="AFP">PHOTO: AFP</span>');
    expect(html).toContain(`<meta property="og:image" content="https://news.example.org/media/photos/${photo.id}/1024.jpg">`);
    expect(html).not.toMatch(/<script/i);
  });

  it('keeps showing the live revision until the update is published, then notes the correction', async () => {
    const story = await publish({ headline: 'Library reopens', standfirst: 'Doors open at nine.', byline: 'Staff', body: paragraphs('Doors open at nine.') });
    const edited = await clients.editor!.patch(`/api/stories/${story.id}`, { body: paragraphs('Doors open at ten.') }, { 'if-match': '"1"' });
    expect(edited.statusCode).toBe(200);
    expect((await visit(`/news/${story.slug}`)).body).toContain('Doors open at nine.');
    expect((await visit(`/news/${story.slug}`)).body).not.toContain('Doors open at ten.');
    await clients.chief_editor!.post(`/api/stories/${story.id}/corrections`, { note: 'The library opens at ten, not nine.' });
    const html = (await visit(`/news/${story.slug}`)).body;
    expect(html).toContain('Doors open at ten.');
    expect(html).toContain('The library opens at ten, not nine.');
  });

  it('answers 404 for an unpublished draft and 410 once a story is taken down', async () => {
    const draft = (await clients.reporter!.post('/api/stories', { headline: 'Secret draft' })).json() as Story;
    expect((await visit(`/news/${draft.slug}`)).statusCode).toBe(404);
    expect((await visit('/news/no-such-story')).statusCode).toBe(404);
    const story = await publish({ headline: 'Taken down later', standfirst: 's', byline: 'b', body: paragraphs('x') });
    await clients.chief_editor!.post(`/api/stories/${story.id}/transitions`, { to: 'unpublished' });
    const gone = await visit(`/news/${story.slug}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('This story has been taken down');
  });

  it('links "Read also" to published stories only, by their published headline', async () => {
    const target = await publish({ headline: 'Bridge repairs begin', standfirst: 's', byline: 'b', body: paragraphs('x') });
    const story = await publish({
      headline: 'Ferry timetable',
      standfirst: 's',
      byline: 'b',
      body: { type: 'doc', content: [{ type: 'readAlso', attrs: { storyId: target.id, label: 'Read also' } }] },
    });
    expect((await visit(`/news/${story.slug}`)).body).toContain(`<p class="read-also">Read also: <a href="/news/${target.slug}">Bridge repairs begin</a></p>`);
    // A working-copy rename of the target is not public yet…
    await clients.editor!.patch(`/api/stories/${target.id}`, { headline: 'Draft rename' }, { 'if-match': '"1"' });
    expect((await visit(`/news/${story.slug}`)).body).toContain('Bridge repairs begin');
    // …and once the target is taken down the line stays, as text.
    await clients.chief_editor!.post(`/api/stories/${target.id}/transitions`, { to: 'unpublished' });
    expect((await visit(`/news/${story.slug}`)).body).toContain('<p class="read-also">Read also: Bridge repairs begin</p>');
  });

  it('serves RSS 2.0 of the latest published stories, newest first', async () => {
    const response = await visit('/feed.xml');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const xml = response.body;
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<rss version="2.0"/);
    const titles = [...xml.matchAll(/<item>\s*<title>(.*?)<\/title>/g)].map((m) => m[1]);
    expect(titles[0]).toBe('Ferry timetable');
    expect(titles).toContain('Night ferry to run while &lt;the&gt; bridge is repaired');
    expect(titles).not.toContain('Taken down later');
    expect(titles).not.toContain('Secret draft');
    expect(xml).toContain('<link>https://news.example.org/news/ferry-timetable</link>');
    expect(xml).toContain('<dc:creator>b</dc:creator>');
  });

  it('cannot be broken or injected into by a headline', async () => {
    await publish({ headline: 'Pub ]]> one ]]><evil/> & <item>fake</item>', standfirst: ']]></description><link>https://evil.example</link>', byline: 'b', body: paragraphs('x') });
    const xml = (await visit('/feed.xml')).body;
    expect(xml).not.toContain('<evil/>');
    expect(xml).not.toContain('<item>fake');
    expect(xml).not.toContain('<link>https://evil.example</link>');
    expect(xml).toContain('<title>Pub ]]&gt; one ]]&gt;&lt;evil/&gt; &amp; &lt;item&gt;fake&lt;/item&gt;</title>');
    // Every element opened is closed: a well-formed count of items and titles.
    expect(xml.match(/<item>/g)!.length).toBe(xml.match(/<\/item>/g)!.length);
  });
});

describe('public addresses without a configured NEWSROOM_PUBLIC_URL', () => {
  it('take the host from the request only when it is a plain host, never markup', async () => {
    const t = await startTestApp('sqlite');
    try {
      const feed = await t.app.inject({ method: 'GET', url: '/feed.xml', headers: { host: 'evil"><x' } });
      expect(feed.statusCode).toBe(200);
      expect(feed.body).toContain('<link>http://localhost/</link>');
      const plain = await t.app.inject({ method: 'GET', url: '/feed.xml', headers: { host: 'news.example.org:8080' } });
      expect(plain.body).toContain('<link>http://news.example.org:8080/</link>');
    } finally {
      await t.close();
    }
  });
});
