// @vitest-environment happy-dom
import { Editor, type JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { documentExtensions } from '../../../domain/document/extensions';
import type { DocumentJSON } from '../../../domain/document/types';
import { REMOTE_CHANGE_META, takeInBody } from './take-in';

const p = (id: string, text: string): JSONContent => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });
const doc = (...blocks: JSONContent[]): DocumentJSON => ({ type: 'doc', content: blocks });
const texts = (editor: Editor) => (editor.getJSON().content ?? []).map((block: JSONContent) => `${block.attrs?.id}:${block.content?.[0]?.text ?? ''}`);

let editor: Editor | null = null;
afterEach(() => editor?.destroy());

/** An editor on the shared schema, showing `base`. */
function editorOn(base: DocumentJSON): Editor {
  editor = new Editor({ extensions: documentExtensions, content: base });
  return editor;
}

/** Puts the cursor `offset` characters into the block with `id`. */
function cursorIn(target: Editor, id: string, offset: number) {
  let at = -1;
  target.state.doc.forEach((node, pos) => {
    if (node.attrs.id === id) at = pos + 1 + offset;
  });
  target.commands.setTextSelection(at);
}

/** Where the cursor is: the block's id and the offset in its text. */
function cursorOf(target: Editor): { id: string; offset: number } {
  const { $from } = target.state.selection;
  return { id: $from.node(1).attrs.id as string, offset: $from.parentOffset };
}

describe('taking other people’s saves into the open body', () => {
  it('replaces and adds their blocks, keeps what was typed here, and leaves the cursor where it was', () => {
    const base = doc(p('a', 'One.'), p('b', 'Two.'), p('c', 'Three.'));
    const target = editorOn(base);
    cursorIn(target, 'c', 5);
    target.commands.insertContent(' and more'); // typed here since the base
    const before = cursorOf(target);

    const server = doc(p('a', 'One, rewritten by the desk.'), p('b', 'Two.'), p('d', 'A new paragraph from the desk.'), p('c', 'Three.'));
    let remote = false;
    target.on('transaction', ({ transaction }) => {
      if (transaction.getMeta(REMOTE_CHANGE_META)) remote = true;
    });
    expect(takeInBody(target, base, server)).toBe(true);

    expect(texts(target)).toEqual(['a:One, rewritten by the desk.', 'b:Two.', 'd:A new paragraph from the desk.', 'c:Three and more.']);
    expect(cursorOf(target)).toEqual(before);
    expect(remote).toBe(true);
    // Typing goes on where it was.
    target.commands.insertContent('!');
    expect(texts(target).at(-1)).toBe('c:Three and more!.');
  });

  it('removes blocks they deleted, keeps a block both changed as it is here, and changes nothing when there is nothing new', () => {
    const base = doc(p('a', 'One.'), p('b', 'Two.'), p('c', 'Three.'));
    const target = editorOn(base);
    cursorIn(target, 'b', 3);
    target.commands.insertContent(' (mine)');
    const server = doc(p('b', 'Two (theirs).'), p('c', 'Three.'));
    takeInBody(target, base, server);
    expect(texts(target)).toEqual(['b:Two (mine).', 'c:Three.']);
    expect(cursorOf(target)).toEqual({ id: 'b', offset: 10 });
    expect(takeInBody(target, base, doc(p('b', 'Two (theirs).'), p('c', 'Three.')))).toBe(false);
  });
});
