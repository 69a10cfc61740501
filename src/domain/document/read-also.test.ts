import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { isReadAlsoPlaceholder } from './read-also';
import { storyReferences } from './references';
import { documentSchema } from './schema';
import { renderDocumentHtml } from './render-html';
import { validateDocument } from './validate';

const TARGET = '0d4c9c4e-7a43-4c1e-9d4e-3f4b7a1c2b10';
const OTHER = '5b1f6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const readAlso = (attrs: Record<string, unknown>) => ({ type: 'readAlso', attrs });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content }) as JSONContent;

function check(input: unknown) {
  const result = validateDocument(input);
  return result.ok ? { ok: true as const, doc: result.doc } : { ok: false as const, messages: result.problems.map((x) => `${x.path}: ${x.message}`) };
}

describe('the readAlso block', () => {
  it('is a block pointing at a story by id, labelled "Read also" unless it says "Read"', () => {
    const result = check(doc(readAlso({ storyId: TARGET }), readAlso({ storyId: OTHER, label: 'Read' })));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.content!.map((block) => [block.type, block.attrs!.storyId, block.attrs!.label])).toEqual([
      ['readAlso', TARGET, 'Read also'],
      ['readAlso', OTHER, 'Read'],
    ]);
    expect(result.doc.content![0].attrs!.id).toEqual(expect.any(String));
  });

  it.each([
    [readAlso({}), 'content[0].attrs.storyId: a "Read also" block needs the story it points to'],
    [readAlso({ storyId: '../etc/passwd' }), 'content[0].attrs.storyId: "../etc/passwd" is not a story id'],
    [readAlso({ storyId: TARGET, label: 'See also' }), 'content[0].attrs.label: the label must be "Read also" or "Read"'],
    [readAlso({ storyId: TARGET, label: null }), 'content[0].attrs.label: the label must be "Read also" or "Read"'],
    [readAlso({ storyId: TARGET, headline: 'cached' }), 'content[0].attrs.headline: readAlso has no attribute "headline"'],
    [readAlso({ storyId: TARGET, title: 'Ferry to run at night' }), 'content[0].attrs.title: a "Read also" block points to a story or is a placeholder with a title, not both'],
    [readAlso({ title: '' }), 'content[0].attrs.title: a "Read also" placeholder title must be text'],
    [readAlso({ title: 'two\nlines' }), 'content[0].attrs.title: a "Read also" placeholder title cannot contain line breaks or control characters'],
    [readAlso({ title: 'x'.repeat(301) }), 'content[0].attrs.title: a "Read also" placeholder title can be at most 300 characters'],
  ])('refuses %j', (block, message) => {
    const result = check(doc(block));
    expect(result.ok ? [] : result.messages).toContain(message);
  });

  it('may be a placeholder: a title the copy named, and no story yet', () => {
    const result = check(doc(readAlso({ title: 'Ferry to run at night', label: 'Read' })));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.content![0].attrs).toMatchObject({ storyId: null, title: 'Ferry to run at night', label: 'Read' });
    expect(isReadAlsoPlaceholder(result.doc.content![0].attrs)).toBe(true);
    expect(isReadAlsoPlaceholder({ storyId: TARGET, title: null })).toBe(false);
    expect(storyReferences(result.doc)).toEqual([]);
  });

  it('keeps a placeholder through copy and paste (HTML out and back in)', () => {
    const node = documentSchema.nodes.readAlso.create({ title: 'Ferry <to> run', label: 'Read also' });
    const spec = documentSchema.nodes.readAlso.spec.toDOM!(node) as [string, Record<string, string>, string];
    expect(spec[1]['data-title']).toBe('Ferry <to> run');
    expect(spec[2]).toBe('Read also: Ferry <to> run');
    expect(documentSchema.nodes.readAlso.spec.parseDOM!.map((rule) => rule.tag)).toContain('p.read-also[data-title]');
  });

  it('cannot hold text', () => {
    const result = check(doc({ type: 'readAlso', attrs: { storyId: TARGET }, content: [{ type: 'text', text: 'x' }] }));
    expect(result.ok).toBe(false);
  });
});

describe('links to stories', () => {
  const linked = (attrs: Record<string, unknown>) => doc(p({ type: 'text', text: 'earlier', marks: [{ type: 'link', attrs }] }));

  it('may point to a story instead of an address', () => {
    expect(check(linked({ storyId: TARGET })).ok).toBe(true);
    expect(check(linked({ href: 'https://example.org' })).ok).toBe(true);
  });

  it('must point somewhere, and not to both', () => {
    expect(check(linked({})).ok ? [] : (check(linked({})) as { messages: string[] }).messages).toContain(
      'content[0].content[0].marks[0].attrs.href: a link needs an href or a story to point to',
    );
    const both = check(linked({ href: 'https://example.org', storyId: TARGET }));
    expect(both.ok ? [] : both.messages).toContain('content[0].content[0].marks[0].attrs.storyId: a link points to a web address or to a story, not both');
  });
});

describe('story links in the clipboard', () => {
  it('are written without an href, and read back as story links', () => {
    const link = documentSchema.marks.link;
    const spec = link.spec.toDOM!(link.create({ storyId: TARGET }), true) as [string, Record<string, string>, number];
    expect(spec[0]).toBe('a');
    expect(spec[1]['data-story-id']).toBe(TARGET);
    expect(spec[1]).not.toHaveProperty('href');
    const rule = link.spec.parseDOM!.find((r) => r.tag === 'a[data-story-id]:not([href])')!;
    expect(rule).toBeDefined();
    const web = link.spec.toDOM!(link.create({ href: 'https://example.org' }), true) as [string, Record<string, string>, number];
    expect(web[1].href).toBe('https://example.org');
  });
});

describe('storyReferences', () => {
  it('lists every story a body points to, once, in order of first mention', () => {
    const body = doc(
      p({ type: 'text', text: 'see ', marks: [] }, { type: 'text', text: 'this', marks: [{ type: 'link', attrs: { storyId: OTHER } }] }),
      readAlso({ storyId: TARGET }),
      { type: 'blockquote', content: [p({ type: 'text', text: 'again', marks: [{ type: 'link', attrs: { storyId: TARGET } }] })] },
      p({ type: 'text', text: 'web', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] }),
    );
    expect(storyReferences(body)).toEqual([OTHER, TARGET]);
    expect(storyReferences(doc(p({ type: 'text', text: 'nothing' })))).toEqual([]);
  });
});

describe('rendering linked stories', () => {
  const stories: Record<string, { headline: string; path: string | null }> = {
    [TARGET]: { headline: 'Ferry to run at night', path: '/news/ferry-to-run-at-night' },
    [OTHER]: { headline: 'Draft <b>not</b> out yet', path: null },
  };
  const render = (input: unknown) => {
    const result = validateDocument(input);
    if (!result.ok) throw new Error(result.problems[0].message);
    return renderDocumentHtml(result.doc, { linkedStory: (id) => stories[id] });
  };

  it('writes a published target as a read-also link with its current headline', () => {
    expect(render(doc(readAlso({ id: 'r1', storyId: TARGET })))).toBe(
      '<p class="read-also">Read also: <a href="/news/ferry-to-run-at-night">Ferry to run at night</a></p>',
    );
    expect(render(doc(readAlso({ id: 'r1', storyId: TARGET, label: 'Read' })))).toContain('>Read: <a');
  });

  it('leaves a placeholder out of the page: it is not a link, nor text for readers', () => {
    expect(render(doc(readAlso({ id: 'r1', title: 'Ferry to run at night' }), { type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'After.' }] }))).toBe('<p data-id="p1">After.</p>');
  });

  it('writes an unpublished target as plain, escaped text, and leaves out a missing one', () => {
    expect(render(doc(readAlso({ id: 'r1', storyId: OTHER })))).toBe('<p class="read-also">Read also: Draft &lt;b&gt;not&lt;/b&gt; out yet</p>');
    expect(render(doc(readAlso({ id: 'r1', storyId: 'no-such-story' })))).toBe('');
  });

  it('renders inline story links only while the target is published', () => {
    const html = render(
      doc(
        p(
          { type: 'text', text: 'Earlier: ', marks: [] },
          { type: 'text', text: 'the ferry', marks: [{ type: 'link', attrs: { storyId: TARGET } }] },
          { type: 'text', text: ' and ' },
          { type: 'text', text: 'the draft', marks: [{ type: 'link', attrs: { storyId: OTHER } }] },
        ),
      ),
    );
    expect(html).toContain('<a href="/news/ferry-to-run-at-night">the ferry</a>');
    expect(html).toContain(' and the draft</p>');
  });
});
