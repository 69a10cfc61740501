import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Photo } from '../../../src/domain/api/photos';
import type { ConflictDetails, SavedStory, Story } from '../../../src/domain/api/stories';
import type { DocumentJSON } from '../../../src/domain/document/types';
import { jpegBytes, multipartBody } from '../../test/images';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../../test/harness';

function save(client: ApiClient, id: string, baseRevision: number, changes: Record<string, unknown>, editorId?: string) {
  return client.patch(`/api/stories/${id}`, changes, { 'if-match': `"${baseRevision}"`, ...(editorId ? { 'x-editor-id': editorId } : {}) });
}

const paragraph = (id: string, text: string) => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });

/** A body with one paragraph per id, saying what `texts` says for it (or "<id> as written"). */
function bodyOf(ids: string[], texts: Record<string, string> = {}, figure?: { photoId: string; caption: string }): DocumentJSON {
  const content: DocumentJSON['content'] = ids.map((id) => paragraph(id, texts[id] ?? `${id} as written`));
  if (figure) {
    content.splice(1, 0, {
      type: 'figure',
      attrs: { id: 'fig', photoId: figure.photoId, credit: '', alt: '', width: 640, height: 480 },
      content: [{ type: 'text', text: figure.caption }],
    });
  }
  return { type: 'doc', content };
}

const textOf = (story: Story, id: string) => story.body.content?.find((block) => block.attrs?.id === id)?.content?.[0]?.text;

describe.each(testDialects())('two people in one story, on %s', (dialect) => {
  let t: TestApp;
  let reporter: ApiClient;
  let photoEditor: ApiClient;
  let editor: ApiClient;
  let photo: Photo;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    [reporter, photoEditor, editor] = await Promise.all([t.as('reporter'), t.as('photo_editor'), t.as('editor')]);
    const upload = await reporter.postForm('/api/photos', multipartBody([{ name: 'file', filename: 'quay.jpg', data: await jpegBytes({ width: 640, height: 480 }) }]));
    expect(upload.statusCode, upload.body).toBe(201);
    photo = upload.json() as Photo;
  });
  afterAll(() => t.close());

  async function current(id: string): Promise<Story> {
    return (await editor.get(`/api/stories/${id}`)).json() as Story;
  }

  it('merges a caption fixed by the photo desk with paragraphs typed by the reporter meanwhile', async () => {
    const created = await reporter.post('/api/stories', { headline: 'Ferry returns', body: bodyOf(['p1', 'p2'], {}, { photoId: photo.id, caption: 'The quay' }) });
    const story = created.json() as Story;
    // The reporter saves twice while the photo desk still has revision 1 open.
    const typed = await save(reporter, story.id, 1, { body: bodyOf(['p1', 'p2', 'p3'], { p2: 'p2 rewritten' }, { photoId: photo.id, caption: 'The quay' }) });
    expect(typed.statusCode, typed.body).toBe(200);
    const typedAgain = await save(reporter, story.id, 2, { headline: 'Ferry returns to the harbour' });
    expect(typedAgain.statusCode).toBe(200);

    const captioned = structuredClone(story.body);
    captioned.content![1].content = [{ type: 'text', text: 'The ferry at the north quay at dawn.' }];
    captioned.content![1].attrs!.credit = 'HARBOURLINE';
    const merged = await save(photoEditor, story.id, 1, { body: captioned });
    expect(merged.statusCode, merged.body).toBe(200);
    const result = merged.json() as SavedStory;
    expect(result).toMatchObject({ merged: true, revision: 4, headline: 'Ferry returns to the harbour' });
    expect(result.body.content!.map((block) => block.attrs!.id)).toEqual(['p1', 'fig', 'p2', 'p3']);
    expect(textOf(result, 'p2')).toBe('p2 rewritten');
    expect(textOf(result, 'fig')).toBe('The ferry at the north quay at dawn.');
    expect(result.body.content![1].attrs!.credit).toBe('HARBOURLINE');
    expect(await current(story.id)).toEqual({ ...result, merged: undefined });
  });

  it('answers overlapping edits with 409, the base and the overlapping items, and stores nothing', async () => {
    const created = await reporter.post('/api/stories', { headline: 'Council vote', body: bodyOf(['a', 'b', 'c']) });
    const story = created.json() as Story;
    expect((await save(editor, story.id, 1, { body: bodyOf(['a', 'b', 'c'], { b: 'b by the desk' }), standfirst: 'Desk standfirst' })).statusCode).toBe(200);
    const before = await current(story.id);

    const overlapping = await save(reporter, story.id, 1, { body: bodyOf(['a', 'b', 'c'], { a: 'a by the reporter', b: 'b by the reporter' }) });
    expect(overlapping.statusCode).toBe(409);
    const details = overlapping.json().error.details as ConflictDetails;
    expect(details.conflicts).toEqual(['block:b']);
    expect(details.currentRevision).toBe(2);
    expect(details.story).toEqual(before);
    expect(details.base).toMatchObject({ headline: 'Council vote', standfirst: '' });
    expect(textOf({ body: details.base!.body } as Story, 'b')).toBe('b as written');
    expect(await current(story.id)).toEqual(before);

    // The same field changed on both sides is a conflict too; a field changed on one side only merges.
    expect((await save(reporter, story.id, 1, { standfirst: 'Reporter standfirst' })).json().error.details.conflicts).toEqual(['standfirst']);
    expect((await save(reporter, story.id, 1, { dateline: 'HARBOURTOWN' })).json()).toMatchObject({ merged: true, dateline: 'HARBOURTOWN', standfirst: 'Desk standfirst' });
  });

  it('merges a retried save against the editor’s own lost save, not against the older revision it names', async () => {
    const created = await reporter.post('/api/stories', { headline: 'Tram strike', body: bodyOf(['a', 'b']) });
    const story = created.json() as Story;
    const tab = 'tab-lost-answer';
    // The tab's save lands as revision 2, but its answer is lost; the desk then saves revision 3.
    expect((await save(reporter, story.id, 1, { body: bodyOf(['a', 'b'], { a: 'a, first typing' }) }, tab)).statusCode).toBe(200);
    expect((await save(editor, story.id, 2, { body: bodyOf(['a', 'b'], { a: 'a, first typing', b: 'b by the desk' }) }, 'desk')).statusCode).toBe(200);
    // The tab retries on revision 1 with more typing in the same paragraph: no conflict with itself.
    const retried = await save(reporter, story.id, 1, { body: bodyOf(['a', 'b'], { a: 'a, first typing and more' }) }, tab);
    expect(retried.statusCode, retried.body).toBe(200);
    const result = retried.json() as SavedStory;
    expect(textOf(result, 'a')).toBe('a, first typing and more');
    expect(textOf(result, 'b')).toBe('b by the desk');
  });

  it('keeps the photo desk to photos even when its save is merged', async () => {
    const created = await reporter.post('/api/stories', { headline: 'Storm', body: bodyOf(['p1', 'p2'], {}, { photoId: photo.id, caption: 'Waves' }) });
    const story = created.json() as Story;
    expect((await save(reporter, story.id, 1, { headline: 'Storm hits the coast' })).statusCode).toBe(200);
    const sneaky = structuredClone(story.body);
    sneaky.content![0].content = [{ type: 'text', text: 'Rewritten by the photo desk' }];
    const refused = await save(photoEditor, story.id, 1, { body: sneaky });
    expect(refused.statusCode).toBe(403);
    expect(textOf(await current(story.id), 'p1')).toBe('p1 as written');
  });

  it('loses no acknowledged edit in a storm of saves from many editors on one story', async () => {
    const writers = ['w0', 'w1', 'w2', 'w3', 'w4', 'w5'];
    const shared = 'shared';
    const ids = [...writers, shared];
    const created = await editor.post('/api/stories', { headline: 'Live: election night', body: bodyOf(ids) });
    const story = created.json() as Story;
    // Each writer is its own open editor (X-Editor-Id); the desk shares two logins between them.
    const chief = await t.as('chief_editor');
    const clients = writers.map((_, index) => (index % 2 === 0 ? editor : chief));

    /** What each writer last had acknowledged, and every acknowledged edit of the shared block. */
    const acknowledged = new Map<string, string>();
    const sharedEdits: Array<{ text: string; revision: number }> = [];
    let conflicts = 0;
    await Promise.all(
      writers.map(async (writer, index) => {
        // Each writer knows only what its own answers told it, as an open editor does.
        let known = story;
        for (let round = 0; round < 8; round++) {
          const texts: Record<string, string> = {};
          for (const id of ids) texts[id] = textOf(known, id) ?? `${id} as written`;
          texts[writer] = `${writer} round ${round}`;
          // Two writers also keep rewriting one shared paragraph: they overlap.
          const touchesShared = index < 2;
          if (touchesShared) texts[shared] = `${writer} shared round ${round}`;
          const answer = await save(clients[index], story.id, known.revision, { body: bodyOf(ids, texts) }, `editor-${writer}`);
          if (answer.statusCode === 200) {
            known = answer.json() as Story;
            acknowledged.set(writer, texts[writer]);
            if (touchesShared && textOf(known, shared) === texts[shared]) sharedEdits.push({ text: texts[shared], revision: known.revision });
          } else {
            expect(answer.statusCode, answer.body).toBe(409);
            conflicts++;
            known = (answer.json().error.details as ConflictDetails).story;
          }
        }
      }),
    );
    const final = await current(story.id);
    writers.forEach((writer, index) => {
      // Writers that never overlap always get through; the two on the shared paragraph may lose every race for it.
      if (index >= 2) expect(acknowledged.has(writer), `${writer} got a save through`).toBe(true);
      expect(textOf(final, writer), `${writer}'s last acknowledged edit`).toBe(acknowledged.get(writer) ?? `${writer} as written`);
    });
    // The shared paragraph holds the last acknowledged edit of it.
    const lastShared = sharedEdits.sort((a, b) => a.revision - b.revision).at(-1);
    expect(textOf(final, shared)).toBe(lastShared?.text ?? `${shared} as written`);
    // Every accepted save is a revision; overlapping ones were answered 409, not applied.
    expect(final.revision).toBeGreaterThan(writers.length);
    expect(conflicts).toBeGreaterThan(0);
  });
});
