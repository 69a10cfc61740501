import type { JSONContent } from '@tiptap/core';
import { DOMParser as SchemaParser } from '@tiptap/pm/model';
import { Window } from 'happy-dom';
import { documentSchema } from '../../../src/domain/document/schema';
import { cleanHtml } from '../../../src/domain/import/clean-html';
import { IMPORT_LIMITS } from '../../../src/domain/api/imports';
import { invalidImport, readAlsoBlocks } from './draft';

/**
 * An HTML body (ninjs `body_html`, NewsML-G2's XHTML or NITF made HTML) as story blocks: parsed
 * by happy-dom with everything that could reach out switched off (no scripts, no loading of
 * anything), cleaned like a paste, then read by the story schema's own parse rules. "Read also:"
 * paragraphs become placeholders.
 */
export function htmlToBlocks(html: string): JSONContent[] {
  const bytes = Buffer.byteLength(html, 'utf8');
  if (bytes > IMPORT_LIMITS.maxHtmlBytes) {
    throw invalidImport(`The story's HTML body is ${Math.ceil(bytes / 1024)} KB; the importer reads HTML bodies of up to ${IMPORT_LIMITS.maxHtmlBytes / 1024} KB`);
  }
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  try {
    const document = new window.DOMParser().parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html');
    const body = document.body as unknown as HTMLElement;
    cleanHtml(body);
    const doc = SchemaParser.fromSchema(documentSchema).parse(body);
    return readAlsoBlocks((doc.toJSON() as JSONContent).content ?? []);
  } finally {
    void window.happyDOM.abort();
    window.happyDOM.close();
  }
}

/** The words of an HTML fragment (a ninjs `description_html`), as one line. */
export function htmlText(html: string): string {
  const texts: string[] = [];
  const stack = htmlToBlocks(html).reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.text) texts.push(node.text);
    else if (node.type === 'readAlso') texts.push(`${node.attrs?.label}: ${node.attrs?.title}`);
    if (node.content) {
      if (node.type !== 'text' && texts.length > 0) texts.push(' ');
      stack.push(...[...node.content].reverse());
    }
  }
  return texts.join('').replace(/\s+/g, ' ').trim();
}
