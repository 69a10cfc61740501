/**
 * The typing benchmark's baseline: TipTap with StarterKit only, no React, no app around it.
 * bench/typing.ts loads the same words into it and into the full editor, in the same run.
 */
import { Editor, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

declare global {
  interface Window {
    startEditor: (content: JSONContent) => void;
  }
}

window.startEditor = (content) => {
  new Editor({ element: document.querySelector('#editor')!, extensions: [StarterKit], content });
};
