import type { JSONContent } from '@tiptap/core';
import { domOutputSpecToHTMLString, renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import type { LeadPhoto } from '../story/fields';
import { documentExtensions } from './extensions';
import { figureOutputSpec } from './figure';
import { isAllowedHref } from './link-policy';

/** What the renderer needs to know about a story another story points to. */
export interface LinkedStory {
  headline: string;
  /** Public path, e.g. `/news/harbour-bridge-to-close`; null when the story is not published. */
  path: string | null;
}

export interface RenderOptions {
  /** Looks up a linked story; undefined when it does not exist. */
  linkedStory?: (storyId: string) => LinkedStory | undefined;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function joined(children: string | string[] | undefined): string {
  return Array.isArray(children) ? children.join('') : (children ?? '');
}

/**
 * Renders a validated story body to HTML with the same extensions the editor uses. Text and
 * attribute values are escaped; link targets outside the link policy render as empty hrefs (and
 * are refused on save anyway). Links to stories render as links only while the target is
 * published — otherwise as plain text, never as a dead link; "Read also" placeholders not at all.
 */
export function renderDocumentHtml(doc: JSONContent, options: RenderOptions = {}): string {
  const lookup = options.linkedStory ?? (() => undefined);
  return renderToHTMLString({
    content: doc,
    extensions: documentExtensions,
    options: {
      nodeMapping: {
        readAlso: ({ node }) => {
          // A placeholder (no story chosen yet) is the desk's to-do, not a reader's link.
          if (!node.attrs.storyId) return '';
          const target = lookup(node.attrs.storyId as string);
          if (!target) return '';
          const headline = escapeHtml(target.headline);
          const label = escapeHtml((node.attrs.label as string | null) ?? 'Read also');
          const text = target.path ? `<a href="${escapeHtml(target.path)}">${headline}</a>` : headline;
          return `<p class="read-also">${label}: ${text}</p>`;
        },
      },
      markMapping: {
        link: ({ mark, children }) => {
          const storyId = mark.attrs.storyId as string | null;
          if (!storyId) {
            // Validated on save; checked again so no path to the page carries a script URL.
            const href = isAllowedHref(mark.attrs.href) ? mark.attrs.href : '';
            const title = mark.attrs.title ? ` title="${escapeHtml(mark.attrs.title as string)}"` : '';
            return `<a href="${escapeHtml(href)}"${title}>${joined(children)}</a>`;
          }
          const target = lookup(storyId);
          return target?.path ? `<a href="${escapeHtml(target.path)}">${joined(children)}</a>` : joined(children);
        },
      },
    },
  });
}

/**
 * A story's lead photo, as the page shows it above the text: the same `<figure>` as a photo in
 * the body (responsive picture, alt text, caption then "PHOTO: CREDIT"), loaded at once. The
 * size, when known, gives the image its shape before it loads and honest `srcset` widths.
 * A lead photo still to be chosen (imported copy with a caption but no picture) shows nothing.
 */
export function renderLeadPhotoHtml(lead: LeadPhoto, size: { width: number; height: number } | null = null): string {
  if (!lead.photoId) return '';
  const spec = figureOutputSpec(
    { photoId: lead.photoId, credit: lead.credit, alt: lead.alt, width: size?.width ?? null, height: size?.height ?? null },
    { class: 'lead-photo' },
    { loading: 'eager' },
  );
  return domOutputSpecToHTMLString(spec)(escapeHtml(lead.caption));
}
