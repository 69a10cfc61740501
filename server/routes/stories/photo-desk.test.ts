import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Photo } from '../../../src/domain/api/photos';
import type { Story } from '../../../src/domain/api/stories';
import type { DocumentJSON } from '../../../src/domain/document/types';
import { jpegBytes, multipartBody } from '../../test/images';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../../test/harness';

function save(client: ApiClient, story: Pick<Story, 'id' | 'revision'>, changes: Record<string, unknown>) {
  return client.patch(`/api/stories/${story.id}`, changes, { 'if-match': `"${story.revision}"` });
}

/** A story body with a paragraph, a captioned figure and another paragraph. */
function bodyWith(photoId: string, caption = 'Blinken and Burns walk through the Yu Gardens in Shanghai, April 24, 2024.', credit = 'Reuters'): DocumentJSON {
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'The secretary of state arrived on Wednesday.' }] },
      {
        type: 'figure',
        attrs: { id: 'f1', photoId, credit, alt: 'Two men in suits walk past a pavilion', width: 640, height: 480 },
        content: caption ? [{ type: 'text', text: caption }] : [],
      },
      { type: 'paragraph', attrs: { id: 'p2' }, content: [{ type: 'text', text: 'He will meet business leaders first.' }] },
    ],
  };
}

/** Changes one block of a body. */
function withBlock(body: DocumentJSON, index: number, change: (block: any) => void): DocumentJSON {
  const copy = structuredClone(body);
  change(copy.content![index]);
  return copy;
}

describe.each(testDialects())('the photo desk on stories, on %s', (dialect) => {
  let t: TestApp;
  let reporter: ApiClient;
  let photoEditor: ApiClient;
  let editor: ApiClient;
  let photo: Photo;
  let other: Photo;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    [reporter, photoEditor, editor] = await Promise.all([t.as('reporter'), t.as('photo_editor'), t.as('editor')]);
    const send = async (width: number) => {
      const response = await reporter.postForm('/api/photos', multipartBody([{ name: 'file', filename: `p${width}.jpg`, data: await jpegBytes({ width, height: 480 }) }]));
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as Photo;
    };
    [photo, other] = [await send(640), await send(641)];
  });
  afterAll(() => t.close());

  /** A reporter's story with a figure, moved on to "ready" (so its reporter can no longer edit it). */
  async function storyWithTheDesk(): Promise<Story> {
    const created = await reporter.post('/api/stories', { headline: 'Blinken arrives in Shanghai', body: bodyWith(photo.id) });
    expect(created.statusCode, created.body).toBe(201);
    const story = created.json() as Story;
    await t.database.db.updateTable('stories').set({ status: 'ready' }).where('id', '=', story.id).execute();
    return { ...story, status: 'ready' };
  }

  async function current(story: Story): Promise<Story> {
    return (await editor.get(`/api/stories/${story.id}`)).json() as Story;
  }

  it('lets a reporter place figures and a lead photo in their own story, and keeps them', async () => {
    const created = await reporter.post('/api/stories', {
      headline: 'Lead photo story',
      leadPhoto: { photoId: photo.id, caption: 'Crowds at the quay', credit: 'Harbourline', alt: 'A crowd on a quay' },
      body: bodyWith(photo.id),
    });
    expect(created.statusCode, created.body).toBe(201);
    const story = created.json() as Story;
    expect(story.leadPhoto).toEqual({ photoId: photo.id, caption: 'Crowds at the quay', credit: 'Harbourline', alt: 'A crowd on a quay' });
    expect(story.body.content![1]).toEqual(bodyWith(photo.id).content![1]);
    // Captions are story text: they count and are found.
    expect(story.wordCount).toBe(7 + 13 + 6);
    expect((await reporter.get('/api/stories?q=gardens')).json().items.map((item: Story) => item.id)).toContain(story.id);

    const cleared = await save(reporter, story, { leadPhoto: null });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().leadPhoto).toBeNull();
    expect((await reporter.get('/api/stories')).json().items.find((item: Story) => item.id === story.id).leadPhoto).toBeNull();
  });

  it('refuses photos that are not in the library', async () => {
    const story = await storyWithTheDesk();
    const missing = 'f'.repeat(64);
    const figure = await save(editor, story, { body: withBlock(bodyWith(photo.id), 1, (block) => (block.attrs.photoId = missing)) });
    expect(figure.statusCode).toBe(400);
    expect(figure.json().error).toMatchObject({ code: 'validation_failed', message: `No photo ${missing} in the library: upload it before placing it in a story` });
    const lead = await save(editor, story, { leadPhoto: { photoId: missing, caption: '', credit: '', alt: '' } });
    expect(lead.statusCode).toBe(400);
    const badShape = await save(editor, story, { leadPhoto: { photoId: photo.id } });
    expect(badShape.statusCode).toBe(400);
    expect(await current(story)).toEqual(story);
  });

  it('lets the photo desk set and replace the lead photo of anyone’s story', async () => {
    const story = await storyWithTheDesk();
    const set = await save(photoEditor, story, { leadPhoto: { photoId: photo.id, caption: 'Blinken in the Yu Gardens.', credit: 'Reuters', alt: 'Two men walking' } });
    expect(set.statusCode, set.body).toBe(200);
    const replaced = await save(photoEditor, set.json(), { leadPhoto: { photoId: other.id, caption: 'Burns at the gate.', credit: 'AFP', alt: 'A man at a gate' } });
    expect(replaced.statusCode).toBe(200);
    expect((await current(story)).leadPhoto).toEqual({ photoId: other.id, caption: 'Burns at the gate.', credit: 'AFP', alt: 'A man at a gate' });
  });

  it('lets the photo desk correct figure captions, credits and alt text', async () => {
    const story = await storyWithTheDesk();
    const corrected = withBlock(story.body, 1, (block) => {
      block.content = [{ type: 'text', text: 'US Secretary of State Blinken and US Ambassador to China Burns, ' }, { type: 'text', text: 'Shanghai', marks: [{ type: 'italic' }] }];
      block.attrs.credit = 'REUTERS';
      block.attrs.alt = 'Antony Blinken and Nicholas Burns walk past a pavilion';
    });
    const response = await save(photoEditor, story, { body: corrected, leadPhoto: null });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().body).toEqual(corrected);
    expect(response.json().revision).toBe(story.revision + 1);

    // An empty caption is a correction too (the checklist, not the save, asks for captions).
    const emptied = await save(photoEditor, response.json(), { body: withBlock(corrected, 1, (block) => delete block.content) });
    expect(emptied.statusCode).toBe(200);
  });

  it.each([
    ['a word of a paragraph', (body: DocumentJSON) => withBlock(body, 0, (block) => (block.content[0].text = 'The secretary of state arrived on Thursday.'))],
    ['a paragraph’s formatting', (body: DocumentJSON) => withBlock(body, 2, (block) => (block.content[0].marks = [{ type: 'bold' }]))],
    ['a paragraph added', (body: DocumentJSON) => ({ ...body, content: [...body.content!, { type: 'paragraph', attrs: { id: 'p3' }, content: [{ type: 'text', text: 'More.' }] }] })],
    ['a figure removed', (body: DocumentJSON) => ({ ...body, content: body.content!.filter((block) => block.type !== 'figure') })],
    ['a figure added', (body: DocumentJSON) => ({ ...body, content: [...body.content!, { ...structuredClone(body.content![1]), attrs: { ...body.content![1].attrs, id: 'f2' } }] })],
    ['the photo a figure shows', (body: DocumentJSON) => withBlock(body, 1, (block) => (block.attrs.photoId = 'a'.repeat(64)))],
    ['blocks reordered', (body: DocumentJSON) => ({ ...body, content: [body.content![2], body.content![1], body.content![0]] })],
  ])('refuses a photo-desk save that changes %s (403), keeping the story', async (_change, change) => {
    const story = await storyWithTheDesk();
    const response = await save(photoEditor, story, { body: change(story.body) });
    expect(response.statusCode, response.body).toBe(403);
    expect(response.json().error).toEqual({
      code: 'forbidden',
      message:
        'The photo desk can change the lead photo and the captions, credits and alt text of photos, not the story text (this save changes the body text outside photo captions, credits and alt text)',
    });
    expect(await current(story)).toEqual(story);
  });

  it('answers a photo-desk save made on a revision no longer kept with a conflict to review, not a refusal', async () => {
    const story = await storyWithTheDesk();
    const rewrite = (from: Story, text: string) => save(editor, from, { body: withBlock(from.body, 0, (block) => (block.content[0].text = text)) });
    const opened = (await rewrite(story, 'The secretary of state arrived on Wednesday evening.')).json() as Story;
    const latest = (await rewrite(opened, 'The secretary of state arrived late on Wednesday.')).json() as Story;
    // The photo desk still has the revision it opened, which is no longer kept (thinning drops old runs of saves).
    await t.database.db.deleteFrom('story_revisions').where('story_id', '=', story.id).where('revision', '=', opened.revision).execute();
    const caption = (body: DocumentJSON) => withBlock(body, 1, (block) => (block.attrs.credit = 'REUTERS/Pool'));

    const response = await save(photoEditor, opened, { body: caption(opened.body) });
    // What the desk changed cannot be told without its base: every difference is put to it, as to anyone.
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().error.details.conflicts).toEqual(['block:p1', 'block:f1']);
    expect(await current(story)).toEqual(latest);
    // A field the desk may never change is still refused outright.
    const headline = await save(photoEditor, opened, { headline: 'A better headline', body: caption(opened.body) });
    expect(headline.statusCode).toBe(403);
    expect(headline.json().error.message).toMatch(/\(this save changes the headline\)$/);
    expect(await current(story)).toEqual(latest);
    // Reviewed on the story as it now is, the caption goes through.
    expect((await save(photoEditor, latest, { body: caption(latest.body) })).statusCode).toBe(200);
  });

  it('refuses a photo-desk save that changes the headline, even with a caption fix', async () => {
    const story = await storyWithTheDesk();
    const response = await save(photoEditor, story, {
      headline: 'A better headline',
      body: withBlock(story.body, 1, (block) => (block.attrs.credit = 'REUTERS')),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toMatch(/not the story text \(this save changes the headline\)$/);
    // Sending a field unchanged is not a change.
    const same = await save(photoEditor, story, { headline: story.headline, body: withBlock(story.body, 1, (block) => (block.attrs.credit = 'REUTERS')) });
    expect(same.statusCode).toBe(200);
  });

  it('keeps the photo desk off spiked stories, and reporters off stories with the desk', async () => {
    const story = await storyWithTheDesk();
    const leadPhoto = { photoId: photo.id, caption: 'x', credit: 'y', alt: 'z' };
    expect((await save(reporter, story, { leadPhoto })).statusCode).toBe(403);
    await t.database.db.updateTable('stories').set({ status: 'spiked' }).where('id', '=', story.id).execute();
    const spiked = await save(photoEditor, story, { leadPhoto });
    expect(spiked.statusCode).toBe(403);
    expect(spiked.json().error.message).toBe('This story is spiked; restore it before editing');
  });

  it('lets editors change everything as before', async () => {
    const story = await storyWithTheDesk();
    const response = await save(editor, story, {
      headline: 'Edited',
      body: withBlock(story.body, 0, (block) => (block.content[0].text = 'Changed by the desk.')),
      leadPhoto: { photoId: photo.id, caption: 'c', credit: 'd', alt: 'e' },
    });
    expect(response.statusCode, response.body).toBe(200);
  });
  it('lists the stories whose photos lack a caption, credit or alt text, and drops them once fixed', async () => {
    const gappy = (await reporter.post('/api/stories', { headline: 'Photo lacks a credit', body: bodyWith(photo.id, 'A caption', '') })).json() as Story;
    const fine = (await reporter.post('/api/stories', { headline: 'Photo complete', body: bodyWith(photo.id) })).json() as Story;
    const lead = (
      await reporter.post('/api/stories', { headline: 'Lead photo lacks alt', leadPhoto: { photoId: other.id, caption: 'c', credit: 'Reuters', alt: '' } })
    ).json() as Story;
    const list = async () => ((await photoEditor.get('/api/stories?photos=incomplete')).json().items as Story[]).map((story) => story.headline);
    const before = await list();
    expect(before).toContain('Photo lacks a credit');
    expect(before).toContain('Lead photo lacks alt');
    expect(before).not.toContain('Photo complete');
    expect(fine.id).toBeTruthy();

    const fixed = await save(photoEditor, gappy, { body: withBlock(gappy.body, 1, (figure) => (figure.attrs.credit = 'Reuters')) });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const leadFixed = await save(photoEditor, lead, { leadPhoto: { photoId: other.id, caption: 'c', credit: 'Reuters', alt: 'A harbour at dusk' } });
    expect(leadFixed.statusCode, leadFixed.body).toBe(200);
    const after = await list();
    expect(after).not.toContain('Photo lacks a credit');
    expect(after).not.toContain('Lead photo lacks alt');
    expect((await photoEditor.get('/api/stories?photos=all')).statusCode).toBe(400);
  });
});
