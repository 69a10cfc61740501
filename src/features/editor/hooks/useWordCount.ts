import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { countWords } from '../../../domain/document/text';

const COUNT_DELAY_MS = 400;

/**
 * The body's word count, recounted when typing pauses rather than on every keystroke (a count
 * walks the whole document).
 */
export function useWordCount(editor: Editor | null, initial: number): number {
  const [words, setWords] = useState(initial);
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recount = () => {
      const { doc } = editor.state;
      setWords(countWords(doc.textBetween(0, doc.content.size, '\n\n', '\n')));
    };
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(recount, COUNT_DELAY_MS);
    };
    editor.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      editor.off('update', onUpdate);
    };
  }, [editor]);
  return words;
}
