import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Story } from '../../src/domain/api/stories';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../test/harness';
import { jpegBytes, multipartBody } from '../test/images';

/*
 * The parts of IPTC ninjs this export writes, with the property names and types of IPTC's
 * published schemas (2.1 and 3.0), transcribed by hand: the schemas themselves are not shipped
 * with the project. Strict objects, so a misspelt or invented property fails.
 */
const text = z.string();
const dateTime = z.iso.datetime({ offset: true });
const uri = z.url();
const standard = z.object({ name: z.literal('ninjs'), version: text, schema: uri }).strict();
const subject = z.object({ name: text, literal: text }).strict();

const rendition2 = z.object({ name: text, href: uri, contenttype: text, width: z.number().optional() }).strict();
const rendition3 = z.object({ name: text, href: uri, contentType: text, width: z.number().optional() }).strict();
const picture2 = z
  .object({
    name: text,
    uri,
    type: z.literal('picture'),
    descriptions: z.array(z.object({ role: text, contenttype: text, value: text }).strict()).optional(),
    headlines: z.array(z.object({ role: text, value: text }).strict()).optional(),
    by: text.optional(),
    renditions: z.array(rendition2),
  })
  .strict();
const picture3 = z
  .object({
    name: text,
    uri,
    type: z.literal('picture'),
    descriptions: z.array(z.object({ role: text, contentType: text, value: text }).strict()).optional(),
    headlines: z.array(z.object({ role: text, value: text }).strict()).optional(),
    by: text.optional(),
    renditions: z.array(rendition3),
  })
  .strict();

const ninjs2 = z
  .object({
    uri,
    standard,
    type: z.enum(['text', 'audio', 'video', 'picture', 'graphic', 'composite', 'component']),
    representationtype: z.enum(['full', 'partial']),
    version: text,
    firstcreated: dateTime,
    versioncreated: dateTime,
    pubstatus: z.enum(['usable', 'withheld', 'canceled']),
    language: text,
    slugline: text,
    headlines: z.array(z.object({ role: text, contenttype: text.optional(), value: text }).strict()).min(1),
    descriptions: z.array(z.object({ role: text, contenttype: text, value: text }).strict()).optional(),
    bodies: z.array(z.object({ role: text, contenttype: text, value: text, wordcount: z.number(), charcount: z.number() }).strict()),
    by: text.optional(),
    located: text.optional(),
    subjects: z.array(subject).optional(),
    associations: z.array(picture2).optional(),
  })
  .strict();

const ninjs3 = z
  .object({
    uri,
    standard,
    type: z.enum(['text', 'audio', 'video', 'picture', 'graphic', 'composite', 'component']),
    representationType: z.enum(['full', 'partial']),
    version: text,
    firstCreated: dateTime,
    versionCreated: dateTime,
    pubStatus: z.enum(['usable', 'withheld', 'canceled']),
    language: text,
    slugline: text,
    headlines: z.array(z.object({ role: text, contentType: text.optional(), value: text }).strict()).min(1),
    descriptions: z.array(z.object({ role: text, contentType: text, value: text }).strict()).optional(),
    bodies: z.array(z.object({ role: text, contentType: text, value: text, wordCount: z.number().int(), charCount: z.number().int() }).strict()),
    by: text.optional(),
    located: text.optional(),
    subjects: z.array(subject).optional(),
    associations: z.array(picture3).optional(),
  })
  .strict();

describe.each(testDialects())('ninjs export on %s', (dialect) => {
  let t: TestApp;
  let chief: ApiClient;
  let story: Story;

  beforeAll(async () => {
    t = await startTestApp(dialect, { publicUrl: 'https://news.example.org' });
    chief = await t.as('chief_editor');
    story = (
      await chief.post('/api/stories', {
        headline: 'Night ferry to run while the bridge is repaired',
        standfirst: 'Commuters get a late crossing from Monday.',
        byline: 'Harbourline News Service',
        dateline: 'KESTREL BAY',
        tags: ['transport', 'harbour'],
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The port authority will run a night ferry.' }] }] },
      })
    ).json();
  });
  afterAll(() => t.close());

  it('writes ninjs 2.x by default: headline, description, HTML body, byline, located, dates, status', async () => {
    const response = await chief.get(`/api/stories/${story.id}/ninjs`);
    expect(response.statusCode).toBe(200);
    const doc = ninjs2.parse(response.json());
    expect(doc).toMatchObject({
      uri: `https://news.example.org/news/${story.slug}`,
      standard: { version: '2.1' },
      type: 'text',
      pubstatus: 'withheld',
      headlines: [{ role: 'main', value: 'Night ferry to run while the bridge is repaired' }],
      descriptions: [{ role: 'summary', value: 'Commuters get a late crossing from Monday.' }],
      by: 'Harbourline News Service',
      located: 'KESTREL BAY',
      subjects: [{ name: 'transport' }, { name: 'harbour' }],
    });
    expect(doc.bodies[0]).toMatchObject({ contenttype: 'text/html', wordcount: 8 });
    expect(doc.bodies[0].value).toContain('The port authority will run a night ferry.</p>');
  });

  it('writes ninjs 3.x with ?version=3, and the live revision once published', async () => {
    await t.database.db.updateTable('stories').set({ status: 'approved' }).where('id', '=', story.id).execute();
    expect((await chief.post(`/api/stories/${story.id}/transitions`, { to: 'published' })).statusCode).toBe(200);
    await chief.patch(`/api/stories/${story.id}`, { headline: 'Working copy headline' }, { 'if-match': `"${story.revision}"` });
    const doc = ninjs3.parse((await chief.get(`/api/stories/${story.id}/ninjs?version=3`)).json());
    expect(doc).toMatchObject({ standard: { version: '3.0' }, pubStatus: 'usable', version: '1' });
    expect(doc.headlines[0].value).toBe('Night ferry to run while the bridge is repaired');
    expect(ninjs2.safeParse((await chief.get(`/api/stories/${story.id}/ninjs?version=2`)).json()).success).toBe(true);
  });

  it('carries the pictures as associations, with caption, credit and renditions', async () => {
    const upload = await chief.postForm('/api/photos', multipartBody([{ name: 'file', filename: 'quay.jpg', data: await jpegBytes({ width: 1200, height: 800 }) }]));
    expect(upload.statusCode, upload.body).toBe(201);
    const photo = upload.json() as { id: string };
    const illustrated = (
      await chief.post('/api/stories', {
        headline: 'With pictures',
        leadPhoto: { photoId: photo.id, caption: 'The north quay at dawn.', credit: 'Harbourline', alt: 'Boats at a quay' },
        body: {
          type: 'doc',
          content: [
            { type: 'figure', attrs: { photoId: photo.id, credit: 'Jo Lens', alt: 'A crane', width: 1200, height: 800 }, content: [{ type: 'text', text: 'Cranes unload grain.' }] },
          ],
        },
      })
    ).json() as Story;
    const doc2 = ninjs2.parse((await chief.get(`/api/stories/${illustrated.id}/ninjs`)).json());
    expect(doc2.associations!.map((picture) => [picture.name, picture.descriptions?.[0].value, picture.by])).toEqual([
      ['leadphoto', 'The north quay at dawn.', 'Harbourline'],
      ['figure1', 'Cranes unload grain.', 'Jo Lens'],
    ]);
    expect(doc2.associations![1].renditions.map((r) => r.name)).toEqual(['320-webp', '320-jpg', '1024-webp', '1024-jpg', '2048-webp', '2048-jpg']);
    expect(doc2.associations![1].renditions[0].href).toBe(`https://news.example.org/media/photos/${photo.id}/320.webp`);
    ninjs3.parse((await chief.get(`/api/stories/${illustrated.id}/ninjs?version=3`)).json());
  });

  it('refuses an unknown version and stories the caller may not see', async () => {
    expect((await chief.get(`/api/stories/${story.id}/ninjs?version=4`)).statusCode).toBe(400);
    expect((await t.anonymous().get(`/api/stories/${story.id}/ninjs`)).statusCode).toBe(401);
    const draft = (await (await t.as('reporter')).post('/api/stories', { headline: 'Private' })).json() as Story;
    expect((await (await t.as('reporter2')).get(`/api/stories/${draft.id}/ninjs`)).statusCode).toBe(404);
  });
});
