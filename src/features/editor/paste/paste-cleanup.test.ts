import fs from 'node:fs';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { DOMParser as SchemaParser, Slice } from '@tiptap/pm/model';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { documentSchema } from '../../../domain/document/schema';
import { cleanPastedHtml, disarmHandlers, pastedTextSlice } from './paste-cleanup';

// A DOM like the browser's for the tests (the editor uses the browser's own).
const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
const domParser = new window.DOMParser() as unknown as DOMParser;
afterAll(() => window.happyDOM.close());

const clipboard = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

/** What the editor makes of pasted HTML: cleaned, then read by the story schema. */
function paste(html: string): JSONContent[] {
  const cleaned = cleanPastedHtml(html, domParser);
  const container = domParser.parseFromString(`<body>${cleaned}</body>`, 'text/html').body;
  return (SchemaParser.fromSchema(documentSchema).parse(container).toJSON() as JSONContent).content ?? [];
}

/** Inline content as compact text: **bold**, _italic_, ~~strike~~, [link](href). */
function inline(nodes: JSONContent[] = []): string {
  return nodes
    .map((node) => {
      if (node.type === 'hardBreak') return '\n';
      let text = node.text ?? '';
      for (const mark of node.marks ?? []) {
        if (mark.type === 'bold') text = `**${text}**`;
        else if (mark.type === 'italic') text = `_${text}_`;
        else if (mark.type === 'strike') text = `~~${text}~~`;
        else if (mark.type === 'link') text = `[${text}](${mark.attrs?.href})`;
      }
      return text;
    })
    .join('');
}

function outline(blocks: JSONContent[]): unknown[] {
  return blocks.map((block) => {
    if (block.type === 'paragraph') return ['p', inline(block.content)];
    if (block.type === 'heading') return [`h${block.attrs?.level}`, inline(block.content)];
    if (block.type === 'bulletList' || block.type === 'orderedList') return [block.type === 'bulletList' ? 'ul' : 'ol', ...(block.content ?? []).map((item) => outline(item.content ?? []))];
    return [block.type, outline(block.content ?? [])];
  });
}

const LISTS = [
  ['ul', [['p', 'Roads'], ['ul', [['p', 'Potholes on **Mill Lane**']]]], [['p', 'Schools']]],
  ['ol', [['p', 'First reading']], [['p', 'Second reading']]],
];

describe('pasting from office applications', () => {
  it('Microsoft Word: headings, bold, italic, links and mso-list paragraphs (bulleted, nested, numbered) survive; spacers, styles, file:// images go', () => {
    const html = clipboard('word.html');
    expect(outline(paste(html))).toEqual([
      ['h2', 'Council budget'],
      ['p', 'The council **approved** the _draft_ budget, see [the papers](https://council.example.org/budget).'],
      ...LISTS,
      ['h2', 'Next steps'],
      ['p', 'The vote is on Tuesday.'],
    ]);
    const cleaned = cleanPastedHtml(html, domParser);
    expect(cleaned).not.toMatch(/style=|class=|mso-|file:|<img|<o:p|<!--|<span/i);
  });

  it('Google Docs: the docs-internal-guid <b> wrapper does not make everything bold; styled spans become bold and italic; nested lists nest', () => {
    const html = clipboard('google-docs.html');
    expect(outline(paste(html))).toEqual([
      ['h2', 'Budget day'],
      ['p', 'The council **approved** the _draft_ budget, see [the papers](https://council.example.org/budget).'],
      ...LISTS,
      ['h2', 'Next steps'],
      ['p', 'The vote is on Tuesday.'],
    ]);
    expect(cleanPastedHtml(html, domParser)).not.toMatch(/style=|docs-internal-guid|<img|<span|<b\b|aria-level/i);
  });

  it('LibreOffice: fonts, classes, anchors without address and images go; underline is not a story mark', () => {
    expect(outline(paste(clipboard('libreoffice.html')))).toEqual([
      ['h2', 'Council budget'],
      ['p', 'The council **approved** the _draft_ budget, see [the papers](https://council.example.org/budget).'],
      ...LISTS,
      ['h2', 'Next steps'],
      ['p', 'The vote is on Tuesday.'],
    ]);
  });

  it('drops scripts, event handlers, comments, empty spans and links that are not web addresses', () => {
    const html =
      '<!-- a comment --><p onclick="steal()" class="x" style="color:red">Hi <span></span><img src="x" onerror="alert(1)"><script>alert(1)</script>' +
      '<a href="javascript:alert(1)">there</a> and <a href="https://example.org" onmouseover="x()" target="_blank">here</a></p><style>p{}</style><iframe src="https://evil.example"></iframe>';
    const cleaned = cleanPastedHtml(html, domParser);
    expect(cleaned).toBe('<p>Hi there and <a href="https://example.org">here</a></p>');
    expect(outline(paste(html))).toEqual([['p', 'Hi there and [here](https://example.org)']]);
  });

  it('leaves the editor’s own clipboard HTML alone, so figures and "Read also" blocks survive copy and paste', () => {
    const own = '<p data-pm-slice="1 1 []" class="read-also" data-story-id="0d4c9c4e-7a43-4c1e-9d4e-3f4b7a1c2b10">Read also:</p>';
    expect(cleanPastedHtml(own, domParser)).toBe(own);
  });

  it('keeps headings to the two levels a story has, and tables as paragraphs', () => {
    const html = '<h4>Small</h4><h1>Big</h1><table><tr><td>Cell <b>one</b></td><td>Cell two</td></tr></table><div>A line</div>';
    expect(outline(paste(html))).toEqual([['h3', 'Small'], ['h2', 'Big'], ['p', 'Cell **one**'], ['p', 'Cell two'], ['p', 'A line']]);
  });
});

describe('pasting plain text', () => {
  const $start = documentSchema.node('doc', null, [documentSchema.node('paragraph')]).resolve(1);
  const texts = (slice: Slice) => {
    const found: string[] = [];
    slice.content.forEach((node) => found.push(`${node.type.name}:${node.textContent}`));
    return found;
  };

  it('splits paragraphs on blank lines and joins hard-wrapped lines', () => {
    const slice = pastedTextSlice('First paragraph wraps\nonto a second line.\n\nSecond paragraph.\r\n\r\n\r\nThird.', documentSchema, $start);
    expect(texts(slice)).toEqual(['paragraph:First paragraph wraps onto a second line.', 'paragraph:Second paragraph.', 'paragraph:Third.']);
    expect(slice.openStart).toBe(1);
  });

  it('takes a paragraph a line when there are no blank lines', () => {
    expect(texts(pastedTextSlice('One.\nTwo.\n', documentSchema, $start))).toEqual(['paragraph:One.', 'paragraph:Two.']);
    expect(pastedTextSlice('  \n ', documentSchema, $start).size).toBe(0);
  });
});

describe('disarming event handlers before the clipboard is parsed', () => {
  it('renames on… attributes inside tags, in every spelling, and leaves text alone', () => {
    expect(disarmHandlers('<img src=x onerror=alert(1)><p ONCLICK="a()">Turn on= the lights</p>')).toBe(
      '<img src=x data-dropped-onerror=alert(1)><p data-dropped-onCLICK="a()">Turn on= the lights</p>',
    );
    expect(disarmHandlers('<svg/onload=alert(1)>')).toBe('<svg/data-dropped-onload=alert(1)>');
    expect(disarmHandlers('<a href="x"onmouseover = "y">')).toBe('<a href="x"data-dropped-onmouseover = "y">');
    // Broken markup with no closing bracket still counts as a tag.
    expect(disarmHandlers('text <img src=x onerror=alert(1)//')).toBe('text <img src=x data-dropped-onerror=alert(1)//');
    // And the cleaner then drops them with every other attribute it does not know.
    expect(cleanPastedHtml('<p onclick="alert(1)">Words</p>', domParser)).toBe('<p>Words</p>');
  });
});
