/**
 * The typing benchmark's second baseline: TipTap with StarterKit only, through TipTap's own React
 * binding (`useEditor` + `EditorContent`, with their defaults: `immediatelyRender` true,
 * `shouldRerenderOnTransaction` false), mounted with React's `createRoot`; nothing else on the
 * page. It differs from bench/bare-tiptap only in that the editor's DOM sits inside a React root,
 * whose container listens for every event type. bench/typing.ts loads the same words into it, into
 * bare TipTap and into the full editor, in the same run.
 */
import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    startEditor: (content: JSONContent) => void;
  }
}

function Tiptap({ content }: { content: JSONContent }) {
  const editor = useEditor({ extensions: [StarterKit], content });
  return <EditorContent editor={editor} />;
}

window.startEditor = (content) => {
  createRoot(document.querySelector('#editor')!).render(<Tiptap content={content} />);
};
