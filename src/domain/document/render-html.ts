import type { JSONContent } from '@tiptap/core';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { documentExtensions } from './extensions';

/**
 * Renders a validated story body to HTML with the same extensions the editor uses. Text and
 * attribute values are escaped by the renderer; link targets outside the link policy render as
 * empty hrefs (and are refused on save anyway).
 */
export function renderDocumentHtml(doc: JSONContent): string {
  return renderToHTMLString({ content: doc, extensions: documentExtensions });
}
