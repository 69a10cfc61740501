import type { Editor } from '@tiptap/core';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * Like TipTap's `useEditorState`, but the selector runs at most once per animation frame rather
 * than inside every transaction: typing makes one transaction per keystroke, and the toolbar's
 * button states need not be worked out in the key event itself, only before the next paint.
 */
export function useEditorStateEachFrame<T>(editor: Editor, select: (editor: Editor) => T, equal: (a: T, b: T) => boolean): T {
  const [value, setValue] = useState(() => select(editor));
  const latest = useRef({ select, equal });
  useLayoutEffect(() => {
    latest.current = { select, equal };
  });

  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const next = latest.current.select(editor);
      setValue((previous) => (latest.current.equal(previous, next) ? previous : next));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    // 'update' also covers changes that are not transactions, such as setEditable.
    editor.on('transaction', schedule);
    editor.on('update', schedule);
    schedule();
    return () => {
      editor.off('transaction', schedule);
      editor.off('update', schedule);
      cancelAnimationFrame(frame);
    };
  }, [editor]);
  return value;
}
