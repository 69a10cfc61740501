import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Story } from '../../../domain/api/stories';
import type { DocumentJSON } from '../../../domain/document/types';
import { ApiError } from '../../../lib/api-client';
import { saveStory } from './save-story';

const paragraph = (id: string, text: string) => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });
const doc = (...content: object[]): DocumentJSON => ({ type: 'doc', content });

const base = doc(paragraph('p1', 'The ferry runs again.'), paragraph('p2', 'It stopped in May.'), paragraph('p3', 'Fares stay the same.'));
const edited = doc(paragraph('p1', 'The ferry runs again.'), paragraph('p2', 'It stopped in May after a storm.'), paragraph('p3', 'Fares stay the same.'));

function storyAt(revision: number, body: DocumentJSON): Story {
  return {
    id: 's1', slug: 's1', status: 'draft', headline: 'Ferry', standfirst: '', byline: '', authorIds: [], dateline: '', section: null, tags: [],
    seoTitle: '', seoDescription: '', leadPhoto: null, body, revision, liveRevision: null, createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:01.000Z', publishedAt: null, scheduledAt: null, wordCount: 12,
  };
}

/** The story without its body, as a `Prefer: return=minimal` answer carries it. */
function minimal(story: Story) {
  const { body: _left, ...rest } = story;
  return rest;
}

const json = (status: number, data: unknown) => new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });

/** A fake server that answers each PATCH from the queue and records what came. */
function fakeFetch(...answers: Response[]) {
  const requests: Array<{ headers: Record<string, string>; body: Record<string, unknown> }> = [];
  const fetch = vi.fn(async (_path: string, init: RequestInit) => {
    requests.push({ headers: init.headers as Record<string, string>, body: JSON.parse(init.body as string) as Record<string, unknown> });
    const answer = answers.shift();
    if (!answer) throw new Error('no answer queued');
    return answer;
  });
  vi.stubGlobal('fetch', fetch);
  return requests;
}

const save = { id: 's1', baseRevision: 3, editorId: 'editor-1' };

beforeEach(() => vi.unstubAllGlobals());
afterEach(() => vi.unstubAllGlobals());

describe('saveStory', () => {
  it('sends only the changed block (no order: the blocks keep theirs) when the base body is known, and fills in the body the minimal answer leaves out', async () => {
    const requests = fakeFetch(json(200, minimal(storyAt(4, edited))));
    const saved = await saveStory({ ...save, changes: { headline: 'Ferry back', body: edited }, baseBody: base });

    expect(requests).toHaveLength(1);
    expect(requests[0].headers).toMatchObject({ 'if-match': '"3"', prefer: 'return=minimal' });
    expect(requests[0].body).toEqual({ headline: 'Ferry back', bodyPatch: { blocks: [edited.content![1]] } });
    expect(saved.revision).toBe(4);
    expect(saved.body).toEqual(edited);
  });

  it('sends the whole body when the base body is not known', async () => {
    const requests = fakeFetch(json(200, minimal(storyAt(4, edited))));
    const saved = await saveStory({ ...save, changes: { body: edited } });

    expect(requests[0].body).toEqual({ body: edited });
    expect(requests[0].headers.prefer).toBe('return=minimal');
    expect(saved.body).toEqual(edited);
  });

  it('sends the whole body when the blocks have no ids to name them by', async () => {
    const withoutIds = doc({ type: 'paragraph', content: [{ type: 'text', text: 'No id here.' }] });
    const requests = fakeFetch(json(200, minimal(storyAt(4, withoutIds))));
    await saveStory({ ...save, changes: { body: withoutIds }, baseBody: doc({ type: 'paragraph', content: [{ type: 'text', text: 'Before.' }] }) });

    expect(requests[0].body).toEqual({ body: withoutIds });
  });

  it('sends the whole body again, once, when the server cannot apply the patch', async () => {
    const refused = { error: { code: 'precondition_failed', message: 'Revision 3 is no longer kept', details: { bodyPatch: 'base_missing' } } };
    const requests = fakeFetch(json(412, refused), json(200, minimal(storyAt(4, edited))));
    const saved = await saveStory({ ...save, changes: { body: edited }, baseBody: base });

    expect(requests).toHaveLength(2);
    expect(requests[0].body).toHaveProperty('bodyPatch');
    expect(requests[1].body).toEqual({ body: edited });
    expect(requests[1].headers['if-match']).toBe('"3"');
    expect(saved.body).toEqual(edited);
  });

  it('does not resend on other refusals: a conflict reaches the caller as it was', async () => {
    const conflict = { error: { code: 'conflict', message: 'Saved by someone else', details: { currentRevision: 5 } } };
    const requests = fakeFetch(json(409, conflict));
    const refusal = await saveStory({ ...save, changes: { body: edited }, baseBody: base }).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).code).toBe('conflict');
    expect(requests).toHaveLength(1);
  });

  it("takes the answer's body when the save was merged with other people's", async () => {
    const theirs = doc(paragraph('p0', 'Update: the council agreed.'), ...edited.content!);
    fakeFetch(json(200, { ...storyAt(6, theirs), merged: true }));
    const saved = await saveStory({ ...save, changes: { body: edited }, baseBody: base });

    expect(saved.merged).toBe(true);
    expect(saved.body).toEqual(theirs);
  });

  it('asks for the whole story back when the save carries no body, so the saved story keeps its body', async () => {
    const requests = fakeFetch(json(200, storyAt(4, base)));
    const saved = await saveStory({ ...save, changes: { headline: 'Ferry back' }, baseBody: base });

    expect(requests[0].headers).not.toHaveProperty('prefer');
    expect(requests[0].body).toEqual({ headline: 'Ferry back' });
    expect(saved.body).toEqual(base);
  });
});
