import { Extension, type AnyExtension } from '@tiptap/core';
import { ListKeymap } from '@tiptap/extension-list';
import { Dropcursor, Gapcursor, Placeholder, UndoRedo } from '@tiptap/extensions';
import { documentExtensions } from '../../domain/document/extensions';

interface EditorShortcutOptions {
  onLinkShortcut: () => void;
}

/** Ctrl/Cmd+K opens the link editor, as in every word processor. */
const LinkShortcut = Extension.create<EditorShortcutOptions>({
  name: 'linkShortcut',
  addOptions: () => ({ onLinkShortcut: () => {} }),
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        this.options.onLinkShortcut();
        return true;
      },
    };
  },
});

/**
 * The editor's extensions: the shared schema plus editing behaviour that only a browser needs
 * (history, placeholder, drop and gap cursors, list keys, shortcuts).
 */
export function editorExtensions(options: EditorShortcutOptions): AnyExtension[] {
  return [
    ...documentExtensions,
    UndoRedo,
    ListKeymap,
    Dropcursor,
    Gapcursor,
    Placeholder.configure({ placeholder: 'Write the story…' }),
    LinkShortcut.configure(options),
  ];
}
