import { useEffect, useRef } from 'react';
import { filesIn } from '../model/files';

/**
 * Files pasted anywhere on the page (a screenshot, an image copied from another app) while
 * `enabled`. Pastes of text are left alone.
 */
export function usePastedFiles(onFiles: (files: File[]) => void, enabled = true) {
  const callback = useRef(onFiles);
  useEffect(() => {
    callback.current = onFiles;
  });
  useEffect(() => {
    if (!enabled) return;
    const onPaste = (event: ClipboardEvent) => {
      const files = filesIn(event.clipboardData);
      if (files.length === 0) return;
      event.preventDefault();
      callback.current(files);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [enabled]);
}
