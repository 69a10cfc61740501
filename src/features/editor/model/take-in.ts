import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { DocumentJSON } from '../../../domain/document/types';
import { mergeBody, sameJSON } from '../../../domain/story/merge';
import { bodyJSON } from './body-json';

/** Marks a transaction that brings in other people's saves: not this person's edit, not undoable. */
export const REMOTE_CHANGE_META = 'newsdesk:remote';

/**
 * Takes other people's changes (`server` against `base`, the version this editor started from)
 * into the open body, block by block, without touching what was typed here since: blocks
 * changed only on the server are replaced, added or removed in one transaction, so the cursor
 * stays where it is (positions map through the steps). A block changed on both sides keeps the
 * local version; the next save surfaces it as a conflict. Returns true when anything changed.
 */
export function takeInBody(editor: Editor, base: DocumentJSON, server: DocumentJSON): boolean {
  const local = bodyJSON(editor.state.doc);
  // Local changes win here (they are "theirs" to the server's "mine"); the server decides conflicts on save.
  const target = mergeBody(base, local, server).doc;
  if (sameJSON(target, local)) return false;
  const { state, schema } = editor;
  const wanted = target.content ?? [];
  const wantedIds = new Set(wanted.map((block) => block.attrs?.id as string));
  const tr = state.tr;

  // Blocks gone from the target go first (from the end, so earlier positions hold).
  const children: Array<{ node: PMNode; pos: number }> = [];
  state.doc.forEach((node, pos) => children.push({ node, pos }));
  for (const { node, pos } of children.reverse()) {
    if (!wantedIds.has(node.attrs.id)) tr.delete(pos, pos + node.nodeSize);
  }
  // Then walk the target: replace changed blocks, insert new ones where they belong.
  const remaining: string[] = [];
  tr.doc.forEach((node) => remaining.push(node.attrs.id));
  const inOrder = wanted.filter((block) => remaining.includes(block.attrs?.id)).map((block) => block.attrs?.id);
  if (inOrder.some((id, index) => id !== remaining[index])) {
    // Blocks were moved: rebuild the body in one step (rare; the cursor maps to the nearest place).
    tr.replaceWith(0, tr.doc.content.size, wanted.map((block) => schema.nodeFromJSON(block)));
  } else {
    let pos = 0;
    let index = 0;
    for (const block of wanted) {
      const node = index < tr.doc.childCount ? tr.doc.child(index) : null;
      if (node && node.attrs.id === block.attrs?.id) {
        if (!sameJSON(node.toJSON(), block)) tr.replaceWith(pos, pos + node.nodeSize, schema.nodeFromJSON(block));
      } else {
        tr.insert(pos, schema.nodeFromJSON(block));
      }
      pos += tr.doc.child(index).nodeSize;
      index++;
    }
  }
  tr.setMeta('addToHistory', false).setMeta(REMOTE_CHANGE_META, true);
  editor.view.dispatch(tr);
  return true;
}

/** A small field's value after taking in the server's: theirs if only they changed it, else ours. */
export function takeInValue<T>(base: T, local: T, server: T): T {
  return sameJSON(local, base) ? server : local;
}
