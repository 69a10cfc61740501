import { InputRule } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { ReadAlso, type ReadAlsoLabel } from '../../../domain/document/read-also';
import { ReadAlsoView } from './ReadAlsoView';

export interface ReadAlsoEditingOptions {
  /** Open the story picker to insert a block at `at` (after "Read also:" was typed, or the shortcut). */
  onPickStory: (request: { at: number; label: ReadAlsoLabel; restoreText?: string }) => void;
}

/** "Read also:" or "Read:" typed at the start of an empty paragraph. */
const TYPED_LABEL = /^(read also|read):$/i;

/**
 * The shared "Read also" node with what only the editor needs: its React view, the typed
 * trigger, and a keyboard shortcut (Ctrl/Cmd+Alt+R).
 */
export const ReadAlsoEditing = ReadAlso.extend<ReadAlsoEditingOptions>({
  addOptions() {
    return { onPickStory: () => {} };
  },

  addNodeView() {
    return ReactNodeViewRenderer(ReadAlsoView);
  },

  addInputRules() {
    return [
      new InputRule({
        // Matched when the colon is typed: the text before it plus the colon.
        find: TYPED_LABEL,
        handler: ({ state, range, match }) => {
          const $from = state.doc.resolve(range.from);
          const paragraph = $from.parent;
          // Only a paragraph that holds nothing but the label: "Read: the news" is just prose.
          if (paragraph.type.name !== 'paragraph' || $from.parentOffset !== 0 || paragraph.textContent.length !== match[0].length - 1) return null;
          const label: ReadAlsoLabel = match[1].toLowerCase() === 'read' ? 'Read' : 'Read also';
          state.tr.delete(range.from, range.to);
          this.options.onPickStory({ at: range.from, label, restoreText: `${match[1]}:` });
        },
      }),
    ];
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-r': () => {
        this.options.onPickStory({ at: this.editor.state.selection.from, label: 'Read also' });
        return true;
      },
    };
  },
});
