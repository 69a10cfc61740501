import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { figurePhotoIds, creditLine } from './figure';
import { renderDocumentHtml } from './render-html';
import { documentText } from './text';
import { validateDocument } from './validate';

const PHOTO = 'ab'.repeat(32);
const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const figure = (attrs: Record<string, unknown>, ...caption: unknown[]) => ({ type: 'figure', attrs: { photoId: PHOTO, ...attrs }, ...(caption.length ? { content: caption } : {}) });
const doc = (...content: unknown[]) => ({ type: 'doc', content }) as JSONContent;

function problems(input: unknown): string[] {
  const result = validateDocument(input);
  return result.ok ? [] : result.problems.map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message));
}

function render(input: unknown): string {
  const result = validateDocument(input);
  if (!result.ok) throw new Error(result.problems[0].message);
  return renderDocumentHtml(result.doc);
}

describe('the figure node', () => {
  it('holds a library photo with its caption as content, and gets a block id and defaults', () => {
    const result = validateDocument(doc(figure({ credit: 'Reuters' }, text('Blinken in '), text('Shanghai', [{ type: 'italic' }]))));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.content![0]).toEqual({
      type: 'figure',
      attrs: { id: expect.stringMatching(/^[A-Za-z0-9_-]+$/), photoId: PHOTO, credit: 'Reuters', alt: '', width: null, height: null },
      content: [text('Blinken in '), text('Shanghai', [{ type: 'italic' }])],
    });
  });

  it.each([
    ['no photo', doc({ type: 'figure', attrs: { credit: 'x' } }), 'content[0].attrs.photoId: a figure needs the id of a library photo (photoId)'],
    ['a photo id that is not one', doc(figure({ photoId: '../../etc/passwd' })), 'content[0].attrs.photoId: photoId must be a photo id (64 hex digits), not "../../etc/passwd"'],
    ['a credit on two lines', doc(figure({ credit: 'Reuters\nAFP' })), 'content[0].attrs.credit: figure credit cannot contain line breaks or control characters'],
    ['a credit that is not text', doc(figure({ credit: 42 })), 'content[0].attrs.credit: figure credit must be text'],
    ['an overlong alt text', doc(figure({ alt: 'a'.repeat(501) })), 'content[0].attrs.alt: figure alt text can be at most 500 characters'],
    ['a width that is not whole', doc(figure({ width: 10.5 })), 'content[0].attrs.width: figure width must be a whole number of pixels from 1 to 100000'],
    ['a height of a string', doc(figure({ height: '480" onload="x' })), 'content[0].attrs.height: figure height must be a whole number of pixels from 1 to 100000'],
    ['an unknown attribute', doc(figure({ src: 'https://evil.example/x.jpg' })), 'content[0].attrs.src: figure has no attribute "src"'],
    ['an overlong caption', doc(figure({}, text('c'.repeat(1500)), text('d'.repeat(501), [{ type: 'bold' }]))), 'content[0].content: a figure caption can be at most 2000 characters'],
  ])('refuses %s', (_label, input, message) => {
    expect(problems(input)).toContain(message);
  });

  it.each([
    ['a link', figure({}, text('see', [{ type: 'link', attrs: { href: 'https://example.org' } }]))],
    ['a line break', figure({}, text('one'), { type: 'hardBreak' }, text('two'))],
    ['a paragraph', figure({}, { type: 'paragraph', content: [text('x')] })],
  ])('keeps a caption to words, bold and italic: refuses %s', (_label, input) => {
    expect(problems(doc(input))[0]).toMatch(/does not fit the story schema/);
  });

  it('lists the photos a body shows, each once', () => {
    const other = 'cd'.repeat(32);
    const body = doc(figure({}), { type: 'blockquote', content: [figure({ photoId: other })] }, figure({}));
    expect(figurePhotoIds(body)).toEqual([PHOTO, other]);
    expect(figurePhotoIds(doc({ type: 'paragraph' }))).toEqual([]);
  });

  it('makes the caption a block of the plain text (search and word count)', () => {
    expect(documentText(doc({ type: 'paragraph', content: [text('Before.')] }, figure({ credit: 'AFP' }, text('The caption.')), { type: 'paragraph', content: [text('After.')] }))).toBe(
      'Before.\n\nThe caption.\n\nAfter.',
    );
  });
});

describe('rendering a figure', () => {
  const url = (file: string) => `/media/photos/${PHOTO}/${file}`;

  it('writes <figure> with a responsive picture, the alt text, and the caption followed by PHOTO: CREDIT', () => {
    const html = render(
      doc(
        figure(
          { id: 'f1', credit: 'Reuters', alt: 'Two men walk past a pavilion', width: 1600, height: 1067 },
          text('US Secretary of State Blinken and US Ambassador to China Burns walk through the Yu Gardens in Shanghai, China, April 24, 2024.'),
        ),
      ),
    );
    expect(html).toBe(
      `<figure data-id="f1" data-photo-id="${PHOTO}">` +
        '<picture>' +
        `<source type="image/webp" srcset="${url('320.webp')} 320w, ${url('1024.webp')} 1024w, ${url('2048.webp')} 1600w" sizes="(min-width: 720px) 680px, 100vw"/>` +
        `<img src="${url('1024.jpg')}" srcset="${url('320.jpg')} 320w, ${url('1024.jpg')} 1024w, ${url('2048.jpg')} 1600w" sizes="(min-width: 720px) 680px, 100vw"` +
        ' alt="Two men walk past a pavilion" width="1600" height="1067" loading="lazy" decoding="async"/>' +
        '</picture>' +
        '<figcaption><span data-caption="">US Secretary of State Blinken and US Ambassador to China Burns walk through the Yu Gardens in Shanghai, China, April 24, 2024.</span>' +
        ' <span class="credit" data-credit="Reuters">PHOTO: REUTERS</span></figcaption>' +
        '</figure>',
    );
  });

  it('offers only the renditions a small photo has, and all of them when its size is unknown', () => {
    expect(render(doc(figure({ id: 'f', width: 800, height: 600 })))).toContain(`srcset="${url('320.jpg')} 320w, ${url('1024.jpg')} 800w"`);
    expect(render(doc(figure({ id: 'f', width: 300, height: 200 })))).toContain(`srcset="${url('320.jpg')} 300w"`);
    const unknown = render(doc(figure({ id: 'f' })));
    expect(unknown).toContain(`srcset="${url('320.jpg')} 320w, ${url('1024.jpg')} 1024w, ${url('2048.jpg')} 2048w"`);
    expect(unknown).not.toMatch(/width=|height=/);
  });

  it('leaves out the credit line when there is no credit, and writes empty alt text for a decorative photo', () => {
    const html = render(doc(figure({ id: 'f', credit: '  ' }, text('Just a caption'))));
    expect(html).toContain('alt=""');
    expect(html).toContain('<figcaption><span data-caption="">Just a caption</span></figcaption>');
    expect(html).not.toContain('PHOTO:');
  });

  it('escapes caption, credit and alt text', () => {
    const html = render(
      doc(
        figure(
          { id: 'f', credit: '"><script>alert(1)</script>', alt: '" onerror="alert(1)' },
          text('<img src=x onerror=alert(1)> & '),
          text('<b>', [{ type: 'bold' }]),
        ),
      ),
    );
    expect(html).not.toMatch(/<script|<img src=x|<b>|onerror="alert/);
    expect(html).toContain('alt="&quot; onerror=&quot;alert(1)"');
    expect(html).toContain('<span data-caption="">&lt;img src=x onerror=alert(1)&gt; &amp; <strong>&lt;b&gt;</strong></span>');
    expect(html).toContain('data-credit="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">PHOTO: "&gt;&lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;</span>');
  });

  it('prints credits in capitals, as the page does', () => {
    expect(creditLine(' Jane Doe/Reuters ')).toBe('PHOTO: JANE DOE/REUTERS');
  });
});
