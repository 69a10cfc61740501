import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedStory, Story } from '../../../src/domain/api/stories';
import type { DocumentJSON } from '../../../src/domain/document/types';
import { fieldsOf } from '../../../src/domain/story/fields-of';
import { storeDigest } from '../../test/store-digest';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../../test/harness';

const paragraph = (id: string, text: string) => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });
const bodyOf = (ids: string[], texts: Record<string, string> = {}): DocumentJSON => ({
  type: 'doc',
  content: ids.map((id) => paragraph(id, texts[id] ?? `${id} as written`)),
});
const texts = (story: Story) => story.body.content!.map((block) => `${block.attrs!.id}: ${block.content?.[0]?.text ?? ''}`);

describe.each(testDialects())('saving the body as changed blocks, on %s', (dialect) => {
  let t: TestApp;
  let reporter: ApiClient;
  let editor: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    [reporter, editor] = await Promise.all([t.as('reporter'), t.as('editor')]);
  });
  afterAll(() => t.close());

  const save = (client: ApiClient, id: string, base: number, changes: Record<string, unknown>, headers: Record<string, string> = {}) =>
    client.patch(`/api/stories/${id}`, changes, { 'if-match': `"${base}"`, ...headers });
  const current = async (id: string) => (await editor.get(`/api/stories/${id}`)).json() as Story;
  async function newStory(ids = ['a', 'b', 'c']) {
    const created = await reporter.post('/api/stories', { headline: 'Harbour works', body: bodyOf(ids) });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as Story;
  }

  it('stores the body the changed blocks make with the rest of the revision: edits, additions, deletions and moves', async () => {
    const story = await newStory();
    const saved = await save(reporter, story.id, 1, {
      headline: 'Harbour works begin',
      bodyPatch: { order: ['c', 'a', 'n'], blocks: [paragraph('a', 'a rewritten'), paragraph('n', 'a new paragraph')] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stored = await current(story.id);
    expect(texts(stored)).toEqual(['c: c as written', 'a: a rewritten', 'n: a new paragraph']);
    expect(stored).toMatchObject({ revision: 2, headline: 'Harbour works begin', wordCount: 8 });
    // Found by the words of the new block.
    const found = (await editor.get('/api/stories?q=paragraph')).json() as { items: Array<{ id: string }> };
    expect(found.items.map((item) => item.id)).toContain(story.id);
  });

  it('keeps each save as a revision whose fields are the story as saved, every field included', async () => {
    const story = await newStory();
    const saved = await save(reporter, story.id, 1, {
      tags: ['harbour', 'Works'],
      section: 'business',
      leadPhoto: null,
      seoTitle: 'Works "begin" — at last',
      bodyPatch: { order: ['b', 'a'], blocks: [paragraph('a', 'a with ünïcode and "quotes"')] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stored = await current(story.id);
    const revision = await reporter.get(`/api/stories/${story.id}/revisions/2`);
    expect(revision.statusCode, revision.body).toBe(200);
    expect(revision.json().fields).toEqual(fieldsOf(stored));
    // Characters JSON must escape or keep whole, in every kind of field, and an empty section.
    const again = await save(reporter, story.id, 2, {
      headline: 'Back\\slash "quoted" 🚢 </script>',
      byline: 'Line\u2028separator',
      section: null,
      tags: [],
      bodyPatch: { order: ['b', 'a'], blocks: [paragraph('b', 'b \\ "é" 🚢')] },
    });
    expect(again.statusCode, again.body).toBe(200);
    const third = await reporter.get(`/api/stories/${story.id}/revisions/3`);
    expect(third.json().fields).toEqual(fieldsOf(await current(story.id)));
    expect(third.json().fields).toMatchObject({ section: null, headline: 'Back\\slash "quoted" 🚢 </script>' });
  });

  it('merges a patch made on an older revision with the saves since', async () => {
    const story = await newStory();
    expect((await save(editor, story.id, 1, { bodyPatch: { order: ['a', 'b', 'c'], blocks: [paragraph('c', 'c by the desk')] } })).statusCode).toBe(200);
    const merged = await save(reporter, story.id, 1, { bodyPatch: { order: ['a', 'b', 'c'], blocks: [paragraph('a', 'a by the reporter')] } }, { prefer: 'return=minimal' });
    expect(merged.statusCode, merged.body).toBe(200);
    // A merged answer carries the body even when a minimal one was asked for: it holds news.
    const answer = merged.json() as SavedStory;
    expect(answer.merged).toBe(true);
    expect(merged.headers['preference-applied']).toBeUndefined();
    expect(texts(answer)).toEqual(['a: a by the reporter', 'b: b as written', 'c: c by the desk']);
    expect(texts(await current(story.id))).toEqual(texts(answer));

    // The same block changed on both sides is a conflict, as with a whole body.
    expect((await save(editor, story.id, 3, { bodyPatch: { order: ['a', 'b', 'c'], blocks: [paragraph('c', 'c by the desk, again')] } })).statusCode).toBe(200);
    const overlapping = await save(reporter, story.id, 3, { bodyPatch: { order: ['a', 'b', 'c'], blocks: [paragraph('c', 'c by the reporter')] } });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json().error.details.conflicts).toEqual(['block:c']);
  });

  it('answers without the body when asked for return=minimal, and with the revision as ETag', async () => {
    const story = await newStory();
    const saved = await save(reporter, story.id, 1, { bodyPatch: { order: ['a', 'b', 'c'], blocks: [paragraph('b', 'b again')] } }, { prefer: 'return=minimal' });
    expect(saved.statusCode).toBe(200);
    expect(saved.headers['preference-applied']).toBe('return=minimal');
    expect(saved.headers.etag).toBe('"2"');
    const answer = saved.json() as Partial<Story>;
    expect(answer.body).toBeUndefined();
    expect(answer).toMatchObject({ id: story.id, revision: 2, headline: 'Harbour works' });
    // Without the preference the whole story comes back, as before.
    const whole = await save(reporter, story.id, 2, { bodyPatch: { order: ['a', 'b', 'c'], blocks: [paragraph('b', 'b once more')] } });
    expect(texts(whole.json() as Story)).toContain('b: b once more');
  });

  it('keeps the blocks and their order when a patch leaves the order out (blocks edited in place)', async () => {
    const story = await newStory();
    const saved = await save(reporter, story.id, 1, { bodyPatch: { blocks: [paragraph('c', 'c in place'), paragraph('a', 'a in place')] } }, { prefer: 'return=minimal' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(texts(await current(story.id))).toEqual(['a: a in place', 'b: b as written', 'c: c in place']);
    // Merged like any other patch when made on an older revision.
    expect((await save(editor, story.id, 1, { bodyPatch: { blocks: [paragraph('b', 'b by the desk')] } })).statusCode).toBe(200);
    expect(texts(await current(story.id))).toEqual(['a: a in place', 'b: b by the desk', 'c: c in place']);
  });

  it('judges saves typed one after another in place by the whole body: ids, photos and links anywhere in it', async () => {
    const linked = (await (await reporter.post('/api/stories', { headline: 'Port strike called off' })).json()) as Story;
    const story = await newStory(['a', 'b', 'c', 'd']);
    let revision = 1;
    const typed = async (blocks: unknown[]) => {
      const saved = await save(reporter, story.id, revision, { bodyPatch: { blocks } }, { prefer: 'return=minimal' });
      if (saved.statusCode === 200) revision = (saved.json() as SavedStory).revision;
      return saved;
    };
    const backlinks = async () => ((await editor.get(`/api/stories/${linked.id}/backlinks`)).json().items as Array<{ id: string }>).map((item) => item.id);
    // Typing as the editor saves it: each save on the one before.
    for (const words of ['a typed', 'a typed on']) expect((await typed([paragraph('a', words)])).statusCode).toBe(200);

    // A link typed into a paragraph is indexed; the same link moved to another paragraph stays; removed, it goes.
    const link = (id: string, text: string) => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text, marks: [{ type: 'link', attrs: { storyId: linked.id } }] }] });
    expect((await typed([link('b', 'the strike')])).statusCode).toBe(200);
    expect(await backlinks()).toEqual([story.id]);
    expect((await typed([paragraph('b', 'b again'), link('d', 'the strike')])).statusCode).toBe(200);
    expect(await backlinks()).toEqual([story.id]);
    expect((await typed([paragraph('d', 'd again')])).statusCode).toBe(200);
    expect(await backlinks()).toEqual([]);

    // An id of another block, nested in a block edited in place, or a photo not in the library: refused, nothing stored.
    const before = await storeDigest(t.database, t.config.dataDir);
    const reused = await typed([{ type: 'blockquote', attrs: { id: 'c' }, content: [paragraph('a', 'a quoted')] }]);
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.message).toMatch(/block id "a" is used twice/);
    const missingPhoto = 'f'.repeat(64);
    const photo = await typed([{ type: 'figure', attrs: { id: 'c', photoId: missingPhoto, credit: 'Reuters', alt: '' } }]);
    expect(photo.statusCode).toBe(400);
    expect(photo.json().error.message).toBe(`No photo ${missingPhoto} in the library: upload it before placing it in a story`);
    expect(await storeDigest(t.database, t.config.dataDir)).toEqual(before);

    expect(texts(await current(story.id))).toEqual(['a: a typed on', 'b: b again', 'c: c as written', 'd: d again']);
  });

  it('refuses a patch it cannot place with 412 and stores nothing', async () => {
    const story = await newStory();
    expect((await save(reporter, story.id, 1, { bodyPatch: { order: ['a', 'b', 'c'], blocks: [paragraph('a', 'a once')] } })).statusCode).toBe(200);
    const before = await storeDigest(t.database, t.config.dataDir);
    const cases: Array<[string, Record<string, unknown>, number]> = [
      ['a block the revision lacks', { bodyPatch: { order: ['a', 'zz'], blocks: [] } }, 2],
      ['a block named twice', { bodyPatch: { order: ['a', 'a', 'b'], blocks: [] } }, 2],
      ['a block sent but not placed', { bodyPatch: { order: ['a', 'b'], blocks: [paragraph('q', 'stray')] } }, 2],
      ['a new block without an order to place it', { bodyPatch: { blocks: [paragraph('a', 'a twice'), paragraph('q', 'new')] } }, 2],
    ];
    for (const [what, changes, base] of cases) {
      const refused = await save(reporter, story.id, base, changes);
      expect(refused.statusCode, what).toBe(412);
      expect(refused.json().error.code, what).toBe('precondition_failed');
      expect(refused.json().error.details.bodyPatch, what).toBe('does_not_apply');
    }
    expect(await storeDigest(t.database, t.config.dataDir)).toEqual(before);
  });

  it('asks for the whole body when the revision the patch was made on is no longer kept', async () => {
    const story = await newStory();
    expect((await save(reporter, story.id, 1, { bodyPatch: { order: ['a', 'b', 'c'], blocks: [paragraph('a', 'a once')] } })).statusCode).toBe(200);
    await t.database.db.deleteFrom('story_revisions').where('story_id', '=', story.id).where('revision', '=', 1).execute();
    const refused = await save(reporter, story.id, 1, { bodyPatch: { order: ['a', 'b', 'c'], blocks: [paragraph('b', 'b late')] } });
    expect(refused.statusCode).toBe(412);
    expect(refused.json().error.details.bodyPatch).toBe('base_missing');
    expect(refused.json().error.message).toMatch(/send the whole body/);
  });

  it('checks the sent blocks against the schema and the whole body against its rules', async () => {
    const story = await newStory();
    const before = await storeDigest(t.database, t.config.dataDir);
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['a block without an id', { bodyPatch: { order: ['a'], blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] } }, /needs its id/],
      ['an unknown node', { bodyPatch: { order: ['a', 'x'], blocks: [{ type: 'script', attrs: { id: 'x' } }] } }, /unknown node type/],
      ['a hostile link', { bodyPatch: { order: ['a'], blocks: [{ type: 'paragraph', attrs: { id: 'a' }, content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] } }, /blocks\[0\]/],
      ['an id used again inside a new block', { bodyPatch: { order: ['a', 'b', 'c', 'q'], blocks: [{ type: 'blockquote', attrs: { id: 'q' }, content: [paragraph('b', 'b copied')] }] } }, /used twice/],
      ['an id used again inside a block edited in place', { bodyPatch: { blocks: [{ type: 'blockquote', attrs: { id: 'a' }, content: [paragraph('c', 'c copied')] }] } }, /used twice/],
      ['body and bodyPatch together', { body: bodyOf(['a']), bodyPatch: { order: ['a'], blocks: [] } }, /not both/],
      ['an empty order', { bodyPatch: { order: [], blocks: [] } }, /at least one block/],
      ['not an object', { bodyPatch: 'a,b,c' }, /bodyPatch must be an object/],
    ];
    for (const [what, changes, message] of cases) {
      const refused = await save(reporter, story.id, 1, changes);
      expect(refused.statusCode, what).toBe(400);
      expect(refused.json().error.code, what).toBe('validation_failed');
      expect(refused.json().error.message, what).toMatch(message);
    }
    expect(await storeDigest(t.database, t.config.dataDir)).toEqual(before);
  });

  it('keeps every save made at the same moment by many editors, each on its own revision', async () => {
    const stories = await Promise.all(Array.from({ length: 6 }, () => newStory(['a', 'b'])));
    const rounds = 5;
    // Six editors save five times each, every round at once.
    for (let round = 1; round <= rounds; round++) {
      const answers = await Promise.all(
        stories.map((story, index) =>
          save(reporter, story.id, round, { bodyPatch: { order: ['a', 'b'], blocks: [paragraph('b', `story ${index} round ${round}`)] } }, { prefer: 'return=minimal' }),
        ),
      );
      expect(answers.map((answer) => answer.statusCode)).toEqual(stories.map(() => 200));
      expect(answers.map((answer) => (answer.json() as Story).revision)).toEqual(stories.map(() => round + 1));
    }
    for (const [index, story] of stories.entries()) {
      expect(texts(await current(story.id))).toEqual(['a: a as written', `b: story ${index} round ${rounds}`]);
      const history = (await reporter.get(`/api/stories/${story.id}/revisions`)).json() as { items: Array<{ revision: number }> };
      expect(history.items.length).toBeGreaterThan(0);
    }
    // A refused save among good ones made at the same moment fails alone.
    const [good, stale] = await Promise.all([
      save(reporter, stories[0]!.id, rounds + 1, { headline: 'Still saved' }),
      save(reporter, stories[1]!.id, rounds + 1, { bodyPatch: { order: ['a', 'gone'], blocks: [] } }),
    ]);
    expect(good.statusCode).toBe(200);
    expect(stale.statusCode).toBe(412);
    expect((await current(stories[0]!.id)).headline).toBe('Still saved');
  });
});
