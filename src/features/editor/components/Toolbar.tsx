import type { Editor } from '@tiptap/core';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import {
  Bold,
  Heading2,
  Heading3,
  ImagePlus,
  Italic,
  Link2,
  List,
  ListOrdered,
  Minus,
  Newspaper,
  Pilcrow,
  Redo2,
  Strikethrough,
  TextQuote,
  Undo2,
  type LucideIcon,
} from 'lucide-react';
import { Fragment, useRef, type KeyboardEvent } from 'react';
import { useEditorStateEachFrame } from '../hooks/useEditorStateEachFrame';
import styles from './Toolbar.module.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

interface ToolDefinition {
  label: string;
  shortcut?: string;
  icon: LucideIcon;
  /** Toggle buttons report whether the selection has the format. */
  active?: (editor: Editor) => boolean;
  enabled?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

function tools(onLink: () => void, onReadAlso: () => void, onInsertPhoto: () => void): ToolDefinition[][] {
  // These run on every keystroke: undo/redo read the history's depth (editor.can() would build
  // every command of every extension each time).
  return [
    [
      { label: 'Undo', shortcut: `${MOD}+Z`, icon: Undo2, enabled: (e) => e.isEditable && undoDepth(e.state) > 0, run: (e) => e.chain().focus().undo().run() },
      { label: 'Redo', shortcut: `${MOD}+Shift+Z`, icon: Redo2, enabled: (e) => e.isEditable && redoDepth(e.state) > 0, run: (e) => e.chain().focus().redo().run() },
    ],
    [
      { label: 'Paragraph', shortcut: `${MOD}+Alt+0`, icon: Pilcrow, active: (e) => e.isActive('paragraph'), run: (e) => e.chain().focus().setParagraph().run() },
      { label: 'Subheading', shortcut: `${MOD}+Alt+2`, icon: Heading2, active: (e) => e.isActive('heading', { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
      { label: 'Minor subheading', shortcut: `${MOD}+Alt+3`, icon: Heading3, active: (e) => e.isActive('heading', { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
    ],
    [
      { label: 'Bold', shortcut: `${MOD}+B`, icon: Bold, active: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
      { label: 'Italic', shortcut: `${MOD}+I`, icon: Italic, active: (e) => e.isActive('italic'), run: (e) => e.chain().focus().toggleItalic().run() },
      { label: 'Strikethrough', shortcut: `${MOD}+Shift+S`, icon: Strikethrough, active: (e) => e.isActive('strike'), run: (e) => e.chain().focus().toggleStrike().run() },
      { label: 'Link', shortcut: `${MOD}+K`, icon: Link2, active: (e) => e.isActive('link'), run: () => onLink() },
    ],
    [
      { label: 'Bulleted list', shortcut: `${MOD}+Shift+8`, icon: List, active: (e) => e.isActive('bulletList'), run: (e) => e.chain().focus().toggleBulletList().run() },
      { label: 'Numbered list', shortcut: `${MOD}+Shift+7`, icon: ListOrdered, active: (e) => e.isActive('orderedList'), run: (e) => e.chain().focus().toggleOrderedList().run() },
      { label: 'Quote', shortcut: `${MOD}+Shift+B`, icon: TextQuote, active: (e) => e.isActive('blockquote'), run: (e) => e.chain().focus().toggleBlockquote().run() },
      { label: 'Divider', icon: Minus, run: (e) => e.chain().focus().setHorizontalRule().run() },
      { label: 'Read also', shortcut: `${MOD}+Alt+R`, icon: Newspaper, run: () => onReadAlso() },
    ],
    [{ label: 'Insert photo', icon: ImagePlus, run: () => onInsertPhoto() }],
  ];
}

/**
 * The formatting toolbar: one tab stop, arrow keys move between buttons (WAI-ARIA toolbar
 * pattern). Button states come from a selector run once per frame; it re-renders only when they change.
 */
export function Toolbar({
  editor,
  onLink,
  onReadAlso,
  onInsertPhoto,
}: {
  editor: Editor;
  onLink: () => void;
  onReadAlso: () => void;
  onInsertPhoto: () => void;
}) {
  const groups = tools(onLink, onReadAlso, onInsertPhoto);
  const flat = groups.flat();
  const state = useEditorStateEachFrame(
    editor,
    (current) => flat.map((tool) => ({ active: tool.active?.(current) ?? null, enabled: tool.enabled?.(current) ?? true })),
    (a, b) => a.every((item, index) => item.active === b[index]!.active && item.enabled === b[index]!.enabled),
  );
  const focusIndex = useRef(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const count = flat.length;
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (focusIndex.current + 1) % count;
    else if (event.key === 'ArrowLeft') next = (focusIndex.current - 1 + count) % count;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    if (next === null) return;
    event.preventDefault();
    focusIndex.current = next;
    buttons.current.forEach((button, index) => button?.setAttribute('tabindex', index === next ? '0' : '-1'));
    buttons.current[next]?.focus();
  };

  let index = 0;
  return (
    <div role="toolbar" aria-label="Formatting" aria-controls="story-body" className={styles.toolbar} onKeyDown={onKeyDown}>
      {groups.map((group, groupIndex) => (
        <Fragment key={groupIndex}>
          {groupIndex > 0 && <span className={styles.separator} aria-hidden="true" />}
          {group.map((tool) => {
            const position = index++;
            const { active, enabled } = state[position];
            const Icon = tool.icon;
            return (
              <button
                key={tool.label}
                ref={(element) => {
                  buttons.current[position] = element;
                }}
                type="button"
                className={styles.button}
                aria-label={tool.label}
                aria-keyshortcuts={tool.shortcut?.replace('⌘', 'Meta').replace('Ctrl', 'Control')}
                title={tool.shortcut ? `${tool.label} (${tool.shortcut})` : tool.label}
                aria-pressed={active === null ? undefined : active}
                // aria-disabled, not disabled: the button stays reachable with the arrow keys.
                aria-disabled={enabled ? undefined : true}
                tabIndex={position === focusIndex.current ? 0 : -1}
                onFocus={() => (focusIndex.current = position)}
                // Keep the editor's selection when a button is clicked with the mouse.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => enabled && tool.run(editor)}
              >
                <Icon size={18} aria-hidden="true" />
              </button>
            );
          })}
        </Fragment>
      ))}
    </div>
  );
}
