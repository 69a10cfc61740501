import { describe, expect, it } from 'vitest';
import { renderDocumentHtml } from './render-html';
import { validateDocument } from './validate';

function render(doc: unknown): string {
  const result = validateDocument(doc);
  if (!result.ok) throw new Error(result.problems[0].message);
  return renderDocumentHtml(result.doc);
}

describe('renderDocumentHtml', () => {
  it('renders the story body with the shared extensions', () => {
    const html = render({
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'Hello ' }, { type: 'text', text: 'world', marks: [{ type: 'bold' }] }] },
        { type: 'heading', attrs: { id: 'h1', level: 2 }, content: [{ type: 'text', text: 'Sub' }] },
        { type: 'paragraph', attrs: { id: 'p2' }, content: [{ type: 'text', text: 'site', marks: [{ type: 'link', attrs: { href: 'https://example.org/' } }] }] },
        { type: 'bulletList', attrs: { id: 'l1' }, content: [{ type: 'listItem', content: [{ type: 'paragraph', attrs: { id: 'p3' }, content: [{ type: 'text', text: 'item' }] }] }] },
        { type: 'horizontalRule', attrs: { id: 'r1' } },
      ],
    });
    expect(html).toBe(
      '<p data-id="p1">Hello <strong>world</strong></p>' +
        '<h2 data-id="h1">Sub</h2>' +
        '<p data-id="p2"><a href="https://example.org/">site</a></p>' +
        '<ul data-id="l1"><li><p data-id="p3">item</p></li></ul>' +
        '<hr data-id="r1"/>',
    );
  });

  it('escapes text and attribute values', () => {
    const html = render({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '<script>alert("x")</script> & ' },
            { type: 'text', text: 'q', marks: [{ type: 'link', attrs: { href: 'https://example.org/?a="><img src=x onerror=alert(1)>', title: '"><b>' } }] },
          ],
        },
      ],
    });
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; ');
    expect(html).toContain('href="https://example.org/?a=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });
});
