// @vitest-environment happy-dom
import { Editor, type JSONContent } from '@tiptap/core';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import { BLOCK_ID_ATTRIBUTE, BLOCK_ID_TYPES, documentExtensions, onlyTextInsideBlocks } from './extensions';
import { documentSchema } from './schema';

const p = (id: string, text: string): JSONContent => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });
const ids = (editor: Editor) => (editor.getJSON().content ?? []).map((block: JSONContent) => block.attrs?.id as string | null);
const types = new Set(BLOCK_ID_TYPES);

let editor: Editor | null = null;
afterEach(() => editor?.destroy());

/** The transactions the next command dispatches, and whether the unique-id pass may be skipped for them. */
function skippable(target: Editor, run: () => void): boolean {
  const seen: Transaction[] = [];
  const record = ({ transaction }: { transaction: Transaction }) => void seen.push(transaction);
  target.on('transaction', record);
  run();
  target.off('transaction', record);
  return onlyTextInsideBlocks(seen, types, BLOCK_ID_ATTRIBUTE);
}

describe('block ids while typing', () => {
  it('skips the id pass for typing and deleting inside a block, and keeps every id', () => {
    editor = new Editor({ extensions: documentExtensions, content: { type: 'doc', content: [p('a', 'One.'), p('b', 'Two.')] } });
    editor.commands.setTextSelection(3);
    expect(skippable(editor, () => editor!.commands.insertContent('x'))).toBe(true);
    expect(skippable(editor, () => editor!.commands.deleteRange({ from: 2, to: 4 }))).toBe(true);
    expect(ids(editor)).toEqual(['a', 'b']);
  });

  it('still gives ids to blocks made by splitting, joining and pasting', () => {
    editor = new Editor({ extensions: documentExtensions, content: { type: 'doc', content: [p('a', 'One.'), p('b', 'Two.')] } });
    editor.commands.setTextSelection(3);
    expect(skippable(editor, () => editor!.commands.splitBlock())).toBe(false);
    const afterSplit = ids(editor);
    expect(afterSplit).toHaveLength(3);
    expect(new Set(afterSplit).size).toBe(3);
    expect(afterSplit.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);

    // A deletion across two blocks joins them: not a text-only change.
    expect(skippable(editor, () => editor!.commands.deleteRange({ from: 4, to: 7 }))).toBe(false);

    editor.commands.setTextSelection(2);
    editor.commands.insertContent([p('a', 'A copy of the first block.'), p('z', 'New.')]);
    const all = ids(editor);
    expect(all.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });

  it('does not skip typing in a block that has no id yet', () => {
    const state = EditorState.create({ doc: documentSchema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One.' }] }] }) });
    expect(onlyTextInsideBlocks([state.tr.insertText('x', 2)], types, BLOCK_ID_ATTRIBUTE)).toBe(false);
  });
});
