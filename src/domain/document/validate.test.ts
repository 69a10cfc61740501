import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTE_RULES } from './attribute-rules';
import { documentSchema } from './schema';
import { validateDocument } from './validate';

const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const doc = (...content: unknown[]) => ({ type: 'doc', content });
const link = (href: unknown) => ({ type: 'link', attrs: { href } });

function problems(input: unknown): string[] {
  const result = validateDocument(input);
  return result.ok ? [] : result.problems.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message));
}

describe('validateDocument', () => {
  it('accepts every node and mark of the story schema and gives each block an id', () => {
    const input = doc(
      p(text('Plain, '), text('bold', [{ type: 'bold' }]), text(' and '), text('linked', [link('https://example.org/a?b=c')])),
      { type: 'heading', attrs: { level: 2 }, content: [text('A subheading')] },
      { type: 'heading', attrs: { level: 3 }, content: [text('A smaller one')] },
      { type: 'blockquote', content: [p(text('A quote', [{ type: 'italic' }, { type: 'strike' }]))] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('one'))] }] },
      { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p(text('three'))] }] },
      { type: 'horizontalRule' },
      p(text('line'), { type: 'hardBreak' }, text('break'), text(' mail', [link('mailto:desk@example.org')])),
    );
    const result = validateDocument(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const blocks = result.doc.content!;
    expect(blocks).toHaveLength(8);
    const ids = blocks.map((block) => block.attrs?.id);
    expect(new Set(ids).size).toBe(8);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    // Attribute defaults are filled in; the caller's object is left alone.
    expect(blocks[0].content![3].marks).toEqual([{ type: 'link', attrs: { href: 'https://example.org/a?b=c', storyId: null, title: null } }]);
    expect((input.content[0] as { attrs?: unknown }).attrs).toBeUndefined();
  });

  it('keeps ids that are already there', () => {
    const result = validateDocument(doc({ type: 'paragraph', attrs: { id: 'kept-id_1' }, content: [text('x')] }));
    expect(result.ok && result.doc.content![0].attrs!.id).toBe('kept-id_1');
  });

  it('gives the same body the same new ids every time, unique within the document', () => {
    const body = doc(p(text('same')), p(text('same')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('same'))] }] });
    const first = validateDocument(body);
    const second = validateDocument(body);
    expect(first).toEqual(second);
    const ids: unknown[] = [];
    JSON.stringify(first.ok && first.doc, (key, value) => (key === 'id' && ids.push(value), value));
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });

  it('gives ids to a very long body without them, unique, in one pass', () => {
    const long = doc(...Array.from({ length: 20_000 }, (_, i) => p(text(`paragraph ${i % 5}`))));
    const result = validateDocument(long);
    expect(result.ok).toBe(true);
    const ids = result.ok ? result.doc.content!.map((block) => block.attrs!.id) : [];
    expect(new Set(ids).size).toBe(20_000);
  });

  it('has a rule for every attribute the schema declares', () => {
    const declared = [...Object.values(documentSchema.nodes), ...Object.values(documentSchema.marks)].flatMap((type) =>
      Object.keys(type.spec.attrs ?? {}).map((attr) => `${type.name}.${attr}`),
    );
    const ruled = Object.entries(ATTRIBUTE_RULES).flatMap(([type, rules]) => Object.keys(rules).map((attr) => `${type}.${attr}`));
    expect(ruled.sort()).toEqual(declared.sort());
  });

  it.each([
    ['not an object', 'doc', 'the body must be a document: an object with type "doc"'],
    ['the wrong root', p(text('x')), 'the body must be a document: an object with type "doc"'],
    ['an unknown node', doc({ type: 'iframe' }), 'content[0].type: unknown node type "iframe"'],
    ['an unknown mark', doc(p(text('x', [{ type: 'code' }]))), 'content[0].content[0].marks[0].type: unknown mark "code"'],
    ['an unknown attribute', doc({ type: 'paragraph', attrs: { style: 'color:red' } }), 'content[0].attrs.style: paragraph has no attribute "style"'],
    ['an object attribute value', doc({ type: 'heading', attrs: { level: { $gt: 1 } } }), 'content[0].attrs.level: heading level must be 2 or 3, not [object Object]'],
    ['a list that starts nowhere', doc({ type: 'orderedList', attrs: { start: 'abc" onclick="x' }, content: [{ type: 'listItem', content: [p(text('x'))] }] }), 'content[0].attrs.start: a numbered list starts at a whole number from 0 to 1,000,000'],
    ['an unknown list numbering', doc({ type: 'orderedList', attrs: { type: 'zz' }, content: [{ type: 'listItem', content: [p(text('x'))] }] }), 'content[0].attrs.type: list numbering must be one of 1, a, A, i, I'],
    ['control characters in text', doc(p(text('nul\u0000byte'))), 'content[0].content[0].text: text cannot contain control characters'],
    ['an overlong link title', doc(p(text('x', [{ type: 'link', attrs: { href: 'https://example.org', title: 't'.repeat(301) } }]))), 'content[0].content[0].marks[0].attrs.title: link title must be text of at most 300 characters'],
    ['a heading level 1', doc({ type: 'heading', attrs: { level: 1 } }), 'content[0].attrs.level: heading level must be 2 or 3, not 1'],
    ['a heading without a level', doc({ type: 'heading', content: [text('x')] }), 'content[0].attrs.level: a heading needs a level (2 or 3)'],
    ['an empty text node', doc(p({ type: 'text', text: '' })), 'content[0].content[0].text: a text node needs non-empty text'],
    ['text on a block', doc({ type: 'paragraph', text: 'sneaky' }), 'content[0].text: a paragraph node cannot carry text'],
    ['an unexpected property', doc({ type: 'paragraph', onload: 'x' }), 'content[0].onload: unexpected property "onload"'],
    ['a link without href', doc(p(text('x', [{ type: 'link', attrs: {} }]))), 'content[0].content[0].marks[0].attrs.href: a link needs an href or a story to point to'],
    ['a bad block id', doc({ type: 'paragraph', attrs: { id: 'has spaces' } }), 'content[0].attrs.id: block id must be 1–64 letters, digits, "-" or "_"'],
    ['a duplicate block id', doc({ type: 'paragraph', attrs: { id: 'same' } }, { type: 'paragraph', attrs: { id: 'same' } }), 'content[1].attrs.id: block id "same" is used twice'],
    ['a nested document', doc(doc()), 'content[0].type: a document cannot contain another document'],
  ])('refuses %s, saying where', (_label, input, message) => {
    expect(problems(input)).toContain(message);
  });

  it('leaves structure rules to ProseMirror and reports them', () => {
    expect(problems(doc(text('loose')))[0]).toMatch(/^the body does not fit the story schema: /);
    expect(problems(doc({ type: 'bulletList', content: [p(text('not in a list item'))] }))[0]).toMatch(/does not fit the story schema/);
    expect(problems(doc({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'horizontalRule' }] }))[0]).toMatch(/does not fit/);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '/relative/path',
    '//evil.example/x',
    'https://',
    'mailto:nobody',
  ])('refuses the link %j', (href) => {
    expect(problems(doc(p(text('x', [link(href)]))))[0]).toMatch(/is not allowed: links must be http, https or mailto addresses/);
  });

  it('bounds depth, size and text length', () => {
    let deep: Record<string, unknown> = p(text('x'));
    for (let i = 0; i < 40; i++) deep = { type: 'blockquote', content: [deep] };
    expect(problems(doc(deep)).join()).toMatch(/nesting is deeper than 24 levels/);
    expect(problems(doc(...Array.from({ length: 11 }, () => p(text('x'.repeat(100_000)))))).join()).toMatch(/longer than 1000000 characters/);
    expect(problems(doc(...Array.from({ length: 100_001 }, () => ({ type: 'horizontalRule' })))).join()).toMatch(/more than 100000 nodes/);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const result = validateDocument(value);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ type: fc.constantFrom('paragraph', 'heading', 'text', 'bulletList', 'listItem', 'blockquote', 'hardBreak'), text: fc.option(fc.string(), { nil: undefined }) }), { maxLength: 8 }),
        (content) => {
          const result = validateDocument({ type: 'doc', content });
          if (result.ok) expect(result.doc.type).toBe('doc');
        },
      ),
      { numRuns: 500 },
    );
  });
});
