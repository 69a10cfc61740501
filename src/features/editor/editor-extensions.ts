import { Extension, type AnyExtension } from '@tiptap/core';
import { ListKeymap } from '@tiptap/extension-list';
import { Dropcursor, Gapcursor, Placeholder, UndoRedo } from '@tiptap/extensions';
import { documentExtensions } from '../../domain/document/extensions';
import { ReadAlsoEditing, type ReadAlsoEditingOptions } from './nodes/read-also';

interface EditorExtensionOptions extends ReadAlsoEditingOptions {
  onLinkShortcut: () => void;
}

/** Ctrl/Cmd+K opens the link editor, as in every word processor. */
const LinkShortcut = Extension.create<Pick<EditorExtensionOptions, 'onLinkShortcut'>>({
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
 * The editor's extensions: the shared schema, with editor-only behaviour layered on (node views,
 * history, placeholder, drop and gap cursors, list keys, shortcuts). Nodes keep their names, so
 * the schema stays exactly the server's.
 */
export function editorExtensions(options: EditorExtensionOptions): AnyExtension[] {
  const editing: Record<string, AnyExtension> = {
    readAlso: ReadAlsoEditing.configure({ onPickStory: options.onPickStory }),
  };
  return [
    ...documentExtensions.map((extension) => editing[extension.name] ?? extension),
    UndoRedo,
    ListKeymap,
    Dropcursor,
    Gapcursor,
    Placeholder.configure({ placeholder: 'Write the story…' }),
    LinkShortcut.configure({ onLinkShortcut: options.onLinkShortcut }),
  ];
}
