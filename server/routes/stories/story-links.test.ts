import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story, StoryRef } from '../../../src/domain/api/stories';
import type { DocumentJSON } from '../../../src/domain/document/types';
import { paragraphs } from '../../test/documents';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../../test/harness';

const readAlso = (storyId: string, label = 'Read also') => ({ type: 'readAlso', attrs: { storyId, label } });
const linkTo = (storyId: string, text: string) => ({
  type: 'paragraph',
  content: [{ type: 'text', text, marks: [{ type: 'link', attrs: { storyId } }] }],
});
const body = (...content: unknown[]) => ({ type: 'doc', content }) as DocumentJSON;

describe.each(testDialects())('"Read also", story links and "Linked from" on %s', (dialect) => {
  let t: TestApp;
  let editor: ApiClient;
  let reporter: ApiClient;
  let target: Story;
  let other: Story;

  const create = async (client: ApiClient, fields: Record<string, unknown>) => {
    const response = await client.post('/api/stories', fields);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Story;
  };
  const save = (client: ApiClient, story: Story, changes: Record<string, unknown>) =>
    client.patch(`/api/stories/${story.id}`, changes, { 'if-match': `"${story.revision}"` });
  const backlinks = async (client: ApiClient, story: Story) => {
    const response = await client.get(`/api/stories/${story.id}/backlinks`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().items as StoryRef[]).map((ref) => ref.headline);
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    editor = await t.as('editor');
    reporter = await t.as('reporter');
    target = await create(editor, { headline: 'Secretary of state to visit the capital' });
    other = await create(editor, { headline: 'Defence chiefs hold first talks in two years' });
  });
  afterAll(() => t.close());

  it('keeps the "linked from" index up to date on every save, including when a link is removed', async () => {
    const source = await create(reporter, { headline: 'Talks begin', body: body(paragraphs('Talks began.').content![0], readAlso(target.id)) });
    expect(await backlinks(editor, target)).toEqual(['Talks begin']);
    expect(await backlinks(editor, other)).toEqual([]);

    // Rewriting the words around the read-also keeps it in the index.
    const rewritten = await save(reporter, source, { body: body(paragraphs('Talks began at noon.').content![0], readAlso(target.id, 'Read')) });
    expect(rewritten.statusCode, rewritten.body).toBe(200);
    expect(await backlinks(editor, target)).toEqual(['Talks begin']);

    // Swap the read-also for an inline link to the other story.
    const swapped = await save(reporter, rewritten.json(), { body: body(linkTo(other.id, 'the defence talks')) });
    expect(swapped.statusCode, swapped.body).toBe(200);
    expect(await backlinks(editor, target)).toEqual([]);
    expect(await backlinks(editor, other)).toEqual(['Talks begin']);

    // Removing the link empties the index; saving other fields leaves it alone.
    const cleared = await save(reporter, swapped.json(), { body: paragraphs('No links now.') });
    expect(await backlinks(editor, other)).toEqual([]);
    await save(reporter, cleared.json(), { headline: 'Talks begin, no links' });
    expect(await backlinks(editor, other)).toEqual([]);
  });

  it('shows the target’s current headline: renaming it changes what every linking story shows, without touching them', async () => {
    const source = await create(reporter, { headline: 'Visit preview', body: body(readAlso(target.id)) });
    const renamed = await save(editor, target, { headline: 'Secretary of state arrives in the capital' });
    expect(renamed.statusCode).toBe(200);
    target = renamed.json();
    const refs = await editor.get(`/api/stories/refs?ids=${target.id},${other.id}`);
    expect(refs.statusCode).toBe(200);
    expect((refs.json().items as StoryRef[]).map((ref) => [ref.headline, ref.status, ref.slug]).sort()).toEqual([
      ['Defence chiefs hold first talks in two years', 'draft', 'defence-chiefs-hold-first-talks-in-two-years'],
      ['Secretary of state arrives in the capital', 'draft', 'secretary-of-state-arrives-in-the-capital'],
    ]);
    const unchanged = (await reporter.get(`/api/stories/${source.id}`)).json() as Story;
    expect(unchanged.revision).toBe(1);
  });

  it('refuses a body pointing to a story that does not exist, or to itself', async () => {
    const story = await create(reporter, { headline: 'Self-referential' });
    const missing = await save(reporter, story, { body: body(readAlso('00000000-0000-4000-8000-00000000beef')) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toMatch(/points to a story that does not exist/);
    const self = await save(reporter, story, { body: body(linkTo(story.id, 'this very story')) });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.message).toMatch(/cannot point to itself/);
    expect((await reporter.get(`/api/stories/${story.id}`)).json().revision).toBe(1);
    const createMissing = await reporter.post('/api/stories', { body: body(readAlso('00000000-0000-4000-8000-00000000beef')) });
    expect(createMissing.statusCode).toBe(400);
  });

  it('leaves out stories the viewer may not see', async () => {
    const privateDraft = await create(reporter, { headline: 'Reporter’s private draft' });
    const linking = await create(editor, { headline: 'Links to a private draft', body: body(readAlso(privateDraft.id)) });
    const reporter2 = await t.as('reporter2');
    expect((await reporter2.get(`/api/stories/refs?ids=${privateDraft.id},${linking.id}`)).json().items).toEqual([]);
    expect((await reporter2.get(`/api/stories/${privateDraft.id}/backlinks`)).statusCode).toBe(404);
    expect(await backlinks(reporter, privateDraft)).toEqual([]); // the linking story is the desk's draft
    expect(await backlinks(editor, privateDraft)).toEqual(['Links to a private draft']);
  });

  it('searches headlines only when asked (the story picker), all text otherwise', async () => {
    await create(editor, { headline: 'Harbour dredging starts', body: paragraphs('The secretary of the harbour board spoke.') });
    const all = (await editor.get('/api/stories?q=secretary')).json().items.map((s: Story) => s.headline);
    const headlines = (await editor.get('/api/stories?q=secretary&scope=headline')).json().items.map((s: Story) => s.headline);
    expect(all).toContain('Harbour dredging starts');
    expect(headlines).toEqual(['Secretary of state arrives in the capital']);
    expect((await editor.get('/api/stories?q=secr&scope=headline')).json().items).toHaveLength(1);
    expect((await editor.get('/api/stories?scope=title')).statusCode).toBe(400);
  });

  it('refuses bad refs requests', async () => {
    expect((await editor.get('/api/stories/refs')).statusCode).toBe(400);
    expect((await editor.get('/api/stories/refs?ids=not%20an%20id')).statusCode).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => `id${i}`).join(',');
    expect((await editor.get(`/api/stories/refs?ids=${many}`)).statusCode).toBe(400);
    expect((await t.anonymous().get(`/api/stories/refs?ids=${target.id}`)).statusCode).toBe(401);
  });
});
