import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** The class on the top-level blocks the selection is in; the body's CSS draws them always. */
export const SELECTION_BLOCK_CLASS = 'selection-block';

/** More than any selection a person types over; beyond it a select-all's blocks stay as they are. */
const MAX_MARKED_BLOCKS = 200;

/**
 * The top-level blocks the selection is in, as node decorations carrying SELECTION_BLOCK_CLASS.
 *
 * Why: blocks out of view skip layout and paint (`content-visibility: auto`, BodyEditor.module.css),
 * and Chromium decides whether a block is in view only at its next frame. A block just made
 * under the caret — a new paragraph after Enter, a paragraph turned into a subheading — was
 * skipped until then, and the first character typed into it could land at the end of the block
 * or in the next one (browser test `editor.spec.ts`, 5 runs in 8). The class comes with the
 * block in the same update that creates it, so the block under the caret is never skipped.
 */
export function selectionBlockDecorations(state: EditorState): DecorationSet {
  const { doc, selection } = state;
  if (doc.childCount === 0) return DecorationSet.empty;
  const $from = doc.resolve(selection.from);
  // Where the first block starts: before the block around the selection's start, or (a selection
  // between blocks, as of a whole photo) the selection's start, the block after it.
  let first = $from.index(0);
  let position = $from.depth > 0 ? $from.before(1) : $from.pos;
  if (first >= doc.childCount) {
    first = doc.childCount - 1;
    position -= doc.child(first).nodeSize;
  }
  // The selection's end between blocks (a selected photo, everything) is after the last block it takes.
  const $to = doc.resolve(selection.to);
  const toIndex = $to.depth > 0 ? $to.index(0) : $to.index(0) - 1;
  const last = Math.min(Math.max(toIndex, first), doc.childCount - 1, first + MAX_MARKED_BLOCKS - 1);
  const decorations: Decoration[] = [];
  for (let index = first; index <= last; index++) {
    const block = doc.child(index);
    decorations.push(Decoration.node(position, position + block.nodeSize, { class: SELECTION_BLOCK_CLASS }));
    position += block.nodeSize;
  }
  return DecorationSet.create(doc, decorations);
}

export const SelectionBlocksShown = Extension.create({
  name: 'selectionBlocksShown',
  addProseMirrorPlugins() {
    return [new Plugin({ key: new PluginKey('selectionBlocksShown'), props: { decorations: selectionBlockDecorations } })];
  },
});
