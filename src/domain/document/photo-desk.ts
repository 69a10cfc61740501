import { Node as PMNode } from '@tiptap/pm/model';
import { FIGURE, PHOTO_DESK_FIGURE_ATTRIBUTES } from './figure';
import { documentSchema } from './schema';
import type { DocumentJSON } from './types';

const FREE_ATTRIBUTES = new Set<string>(PHOTO_DESK_FIGURE_ATTRIBUTES);

function sameFigureExceptFreeAttributes(a: PMNode, b: PMNode): boolean {
  const keys = new Set([...Object.keys(a.attrs), ...Object.keys(b.attrs)]);
  for (const key of keys) {
    if (!FREE_ATTRIBUTES.has(key) && a.attrs[key] !== b.attrs[key]) return false;
  }
  return a.marks.length === 0 && b.marks.length === 0;
}

/**
 * Is `after` the same body as `before` but for what the photo desk may change: the caption,
 * credit and alt text of figures? Any other difference — a word of a paragraph, a block added,
 * removed or moved, a figure's photo or size, a block id — makes it false.
 *
 * Both the server (deciding a photo editor's save) and the editor (keeping a photo editor's
 * keystrokes inside captions) use this one rule. Unchanged parts of a ProseMirror document are
 * shared between versions, so the comparison skips them at once.
 */
export function onlyPhotoDeskChanges(before: PMNode, after: PMNode): boolean {
  if (before === after) return true;
  if (before.type !== after.type) return false;
  // A figure's caption is its content: any caption goes, the rest of the figure must stay.
  if (before.type.name === FIGURE) return sameFigureExceptFreeAttributes(before, after);
  if (!before.sameMarkup(after)) return false;
  if (before.isText) return before.text === after.text;
  if (before.childCount !== after.childCount) return false;
  for (let index = 0; index < before.childCount; index++) {
    if (!onlyPhotoDeskChanges(before.child(index), after.child(index))) return false;
  }
  return true;
}

/** The same check for two stored bodies (ProseMirror JSON valid against the story schema). */
export function onlyPhotoDeskChangesJSON(before: DocumentJSON, after: DocumentJSON): boolean {
  return onlyPhotoDeskChanges(PMNode.fromJSON(documentSchema, before), PMNode.fromJSON(documentSchema, after));
}
