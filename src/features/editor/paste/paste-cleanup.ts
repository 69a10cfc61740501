import { Extension } from '@tiptap/core';
import { Fragment, Slice, type ResolvedPos, type Schema } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { cleanHtml, isEditorHtml } from '../../../domain/import/clean-html';
import { textParagraphs } from '../../../domain/import/plain-text';

/**
 * Clipboard HTML from Word, Google Docs, LibreOffice or a web page, cleaned to what a story
 * holds (see `cleanHtml`). The editor's own HTML (copied inside Newsdesk) passes untouched, so
 * figures, "Read also" blocks and story links survive copy and paste.
 */
export function cleanPastedHtml(html: string, parser: Pick<DOMParser, 'parseFromString'> = new DOMParser()): string {
  if (isEditorHtml(html)) return html;
  const document = parser.parseFromString(disarmHandlers(html), 'text/html');
  cleanHtml(document.body);
  return document.body.innerHTML;
}

/**
 * Renames event-handler attributes (`onerror=` → `data-dropped-onerror=`) inside tags before the
 * markup is parsed at all: Chromium weighs every inline handler it parses against the page's
 * Content-Security-Policy — even in the inert document DOMParser makes — and reports each as a
 * violation. Nothing would run either way; the cleaner drops the renamed attributes with the rest.
 */
export function disarmHandlers(html: string): string {
  return html.replace(/<[^>]*(?:>|$)/g, (tag) => tag.replace(/([\s/"'])on([a-z]+\s*=)/gi, '$1data-dropped-on$2'));
}

/** Plain text as paragraphs split on blank lines, in the marks of where it lands. */
export function pastedTextSlice(text: string, schema: Schema, $context: ResolvedPos): Slice {
  const marks = $context.marks();
  const paragraphs = textParagraphs(text).map((line) => schema.nodes.paragraph.create(null, schema.text(line, marks)));
  return paragraphs.length === 0 ? Slice.empty : Slice.maxOpen(Fragment.from(paragraphs));
}

/** Cleans what is pasted into the body; runs only on paste, never while typing. */
export const PasteCleanup = Extension.create({
  name: 'pasteCleanup',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('pasteCleanup'),
        props: {
          transformPastedHTML: (html) => cleanPastedHtml(html),
          clipboardTextParser: (text, $context, _plain, view) => pastedTextSlice(text, view.state.schema, $context),
        },
      }),
    ];
  },
});
