import type { Editor, JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import type { Photo } from '../../../domain/api/photos';
import { FIGURE } from '../../../domain/document/figure';
import type { LeadPhoto } from '../../../domain/story/fields';

/** A figure for a library photo, with the library's caption, credit and alt text to start from. */
export function figureFor(photo: Photo): JSONContent {
  return {
    type: FIGURE,
    attrs: { photoId: photo.id, credit: photo.credit, alt: photo.alt, width: photo.width, height: photo.height },
    ...(photo.caption ? { content: [{ type: 'text', text: photo.caption }] } : {}),
  };
}

/**
 * The story's own copy of a library photo's words, as its lead photo. A lead photo that was
 * waiting for its picture (imported copy brought the caption and credit) keeps its own words
 * and takes the library's only where it has none.
 */
export function leadPhotoFor(photo: Photo, waiting: LeadPhoto | null = null): LeadPhoto {
  const own = waiting?.photoId === null ? waiting : null;
  return {
    photoId: photo.id,
    caption: own?.caption.trim() ? own.caption : photo.caption,
    credit: own?.credit.trim() ? own.credit : photo.credit,
    alt: own?.alt.trim() ? own.alt : photo.alt,
  };
}

/**
 * Where a figure goes for a cursor or drop at `pos`: between blocks, after the top-level block
 * holding `pos` — or in place of that block when it is an empty paragraph (a fresh line).
 */
export function figureRange(doc: PMNode, pos: number, replaceEmpty = true): { from: number; to: number } {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  if ($pos.depth === 0) return { from: $pos.pos, to: $pos.pos };
  const block = $pos.node(1);
  const start = $pos.before(1);
  const end = $pos.after(1);
  if (replaceEmpty && block.type.name === 'paragraph' && block.content.size === 0) return { from: start, to: end };
  return { from: end, to: end };
}

/** Puts a figure in and the cursor at the end of its caption, ready to adjust it. */
export function insertFigure(editor: Editor, photo: Photo, range: { from: number; to: number }): boolean {
  return editor
    .chain()
    .insertContentAt(range, figureFor(photo), { updateSelection: false })
    .command(({ tr }) => {
      const figure = tr.doc.nodeAt(range.from);
      // The caption's text starts one past the figure's own position.
      if (figure?.type.name === FIGURE) tr.setSelection(TextSelection.create(tr.doc, range.from + 1 + figure.content.size));
      return true;
    })
    .focus()
    .scrollIntoView()
    .run();
}

/** A position in the document that follows later edits (an upload's place, while it uploads). */
export function trackPosition(editor: Editor, pos: number) {
  let current = pos;
  const follow = ({ transaction }: { transaction: { mapping: { map: (pos: number) => number } } }) => {
    current = transaction.mapping.map(current);
  };
  editor.on('transaction', follow);
  return {
    get: () => current,
    stop: () => editor.off('transaction', follow),
  };
}
