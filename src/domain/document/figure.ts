import { Node, type Attributes, type JSONContent } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';
import { renditionSrcset, renditionUrl, PREVIEW_WIDTH, STORY_IMAGE_SIZES } from '../photos/renditions';

export const FIGURE = 'figure';

/** What a figure carries besides its caption (the caption is its text content). */
export interface FigureAttributes {
  photoId: string;
  /** This use's credit; rendered as "PHOTO: CREDIT" after the caption. */
  credit: string;
  /** This use's alt text; empty means the photo is decorative. */
  alt: string;
  /** The photo's upright size in pixels, for layout (aspect ratio) and honest `srcset` widths. */
  width: number | null;
  height: number | null;
}

export type PhotoField = 'caption' | 'credit' | 'alt';
/** What every photo a story shows needs before it goes out: the photo desk's to-do. */
export const PHOTO_FIELDS: readonly PhotoField[] = ['caption', 'credit', 'alt'];

/** Which of `fields` a figure node lacks (empty or blank). */
export function figureLacks(node: JSONContent, fields: readonly PhotoField[]): PhotoField[] {
  const values: Record<PhotoField, string> = {
    caption: (node.content ?? []).map((child) => child.text ?? '').join(''),
    credit: String(node.attrs?.credit ?? ''),
    alt: String(node.attrs?.alt ?? ''),
  };
  return fields.filter((field) => !values[field].trim());
}

/** The attributes the photo desk may change on any story (with the caption). */
export const PHOTO_DESK_FIGURE_ATTRIBUTES = ['credit', 'alt'] as const;

/** The credit line as the page prints it, after the caption: "PHOTO: REUTERS". */
export function creditLine(credit: string): string {
  return `PHOTO: ${credit.trim().toUpperCase()}`;
}

function positiveInteger(value: string | null | undefined): number | null {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : null;
}

/**
 * A figure: a library photo placed in the body, with this story's caption, credit and alt text.
 * The caption is the figure's own content — text, bold and italic only: a caption is one run of
 * words that the page follows with "PHOTO: CREDIT", so no line breaks, and no links to lead
 * readers away from under a picture.
 *
 * The node is server-safe (no React, no DOM at import time); the editor adds its React view.
 */
export const Figure = Node.create({
  name: FIGURE,
  group: 'block',
  content: 'text*',
  marks: 'bold italic',
  draggable: true,
  isolating: true,
  defining: true,

  addAttributes(): Attributes {
    return {
      photoId: { default: null, rendered: false, parseHTML: (element) => element.getAttribute('data-photo-id') },
      credit: {
        default: '',
        rendered: false,
        parseHTML: (element) => element.querySelector('[data-credit]')?.getAttribute('data-credit') ?? '',
      },
      alt: { default: '', rendered: false, parseHTML: (element) => element.querySelector('img')?.getAttribute('alt') ?? '' },
      width: { default: null, rendered: false, parseHTML: (element) => positiveInteger(element.querySelector('img')?.getAttribute('width')) },
      height: { default: null, rendered: false, parseHTML: (element) => positiveInteger(element.querySelector('img')?.getAttribute('height')) },
    };
  },

  parseHTML() {
    return [
      {
        // Only our own figures: a pasted <figure> from elsewhere brings no photo from the library.
        tag: 'figure[data-photo-id]',
        contentElement: (element: HTMLElement) => element.querySelector('[data-caption]') ?? element.ownerDocument.createElement('span'),
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    return figureOutputSpec(node.attrs as FigureAttributes, HTMLAttributes);
  },
});

/**
 * `<figure>` with a responsive `<picture>` (WebP, JPEG fallback) and a `<figcaption>` holding
 * the caption followed by "PHOTO: CREDIT", as a newspaper prints it.
 */
export function figureOutputSpec(
  attrs: FigureAttributes,
  htmlAttributes: Record<string, unknown>,
  /** Eager for a photo at the top of the page (the lead photo); lazy for the rest. */
  { loading = 'lazy' }: { loading?: 'lazy' | 'eager' } = {},
): DOMOutputSpec {
  const { photoId, credit, alt, width, height } = attrs;
  const img = {
    src: renditionUrl(photoId, PREVIEW_WIDTH, 'jpg'),
    srcset: renditionSrcset(photoId, 'jpg', width),
    sizes: STORY_IMAGE_SIZES,
    alt: alt ?? '',
    width: width ?? null,
    height: height ?? null,
    loading,
    decoding: 'async',
  };
  // Text children are plain strings (both ProseMirror and the static renderer write them as text).
  const caption: Array<DOMOutputSpec | string> = [['span', { 'data-caption': '' }, 0]];
  if (credit?.trim()) caption.push(' ', ['span', { class: 'credit', 'data-credit': credit }, creditLine(credit)]);
  return [
    'figure',
    { ...htmlAttributes, 'data-photo-id': photoId },
    [
      'picture',
      {},
      ['source', { type: 'image/webp', srcset: renditionSrcset(photoId, 'webp', width), sizes: STORY_IMAGE_SIZES }],
      ['img', img],
    ],
    ['figcaption', {}, ...caption],
  ];
}

/** The library photo a node shows, when it is a figure. */
export function figurePhotoId(node: JSONContent): string | null {
  return node.type === FIGURE && typeof node.attrs?.photoId === 'string' ? node.attrs.photoId : null;
}

/** The library photos a body shows, each once, in order of appearance. */
export function figurePhotoIds(doc: JSONContent): string[] {
  const ids = new Set<string>();
  const stack: JSONContent[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const photoId = figurePhotoId(node);
    if (photoId !== null) ids.add(photoId);
    const children = node.content ?? [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  return [...ids];
}
