import type { Editor } from '@tiptap/core';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import styles from './EditorPopover.module.css';

interface EditorPopoverProps {
  editor: Editor;
  /** The document position to sit under (the selection, or a block). */
  at: number;
  label: string;
  children: ReactNode;
}

/**
 * A small panel placed just under a position in the story, inside the canvas (which is its
 * positioning parent). Non-modal: it is a dialog the keyboard enters and Escape leaves.
 */
export function EditorPopover({ editor, at, label, children }: EditorPopoverProps) {
  const panel = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const parent = panel.current?.offsetParent;
    if (!parent) return;
    const size = editor.state.doc.content.size;
    const coords = editor.view.coordsAtPos(Math.max(0, Math.min(at, size)));
    const box = parent.getBoundingClientRect();
    const width = panel.current!.offsetWidth;
    setPosition({
      top: coords.bottom - box.top + 8,
      left: Math.max(0, Math.min(coords.left - box.left, box.width - width)),
    });
  }, [editor, at]);

  return (
    <div
      ref={panel}
      role="dialog"
      aria-label={label}
      className={styles.popover}
      style={position ? { top: position.top, left: position.left } : { visibility: 'hidden', top: 0, left: 0 }}
    >
      {children}
    </div>
  );
}
