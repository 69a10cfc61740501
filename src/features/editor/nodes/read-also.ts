import { InputRule } from '@tiptap/core';
import type { QueryClient } from '@tanstack/react-query';
import { ReadAlso, type ReadAlsoLabel } from '../../../domain/document/read-also';

export interface ReadAlsoEditingOptions {
  /**
   * Open the story picker to insert a block at `at` (after "Read also:" was typed, or the
   * shortcut), or to point the block at `replacePos` at another story (its "Change story").
   */
  onPickStory: (request: { at: number; label: ReadAlsoLabel; restoreText?: string; replacePos?: number; query?: string }) => void;
  /** The app's query client (required): each block follows its target story's headline and status through it. */
  queryClient: QueryClient | null;
}

/** "Read also:" or "Read:" typed at the start of an empty paragraph. */
const TYPED_LABEL = /^(read also|read):$/i;

/**
 * The shared "Read also" node with what only the editor needs: the options of its view
 * (read-also-view.ts, installed by editor-extensions.ts), the typed trigger, and a keyboard
 * shortcut (Ctrl/Cmd+Alt+R).
 */
export const ReadAlsoEditing = ReadAlso.extend<ReadAlsoEditingOptions>({
  addOptions() {
    return { onPickStory: () => {}, queryClient: null };
  },

  addInputRules() {
    return [
      new InputRule({
        // Matched when the colon is typed: the text before it plus the colon.
        find: TYPED_LABEL,
        handler: ({ state, range, match }) => {
          const $from = state.doc.resolve(range.from);
          const paragraph = $from.parent;
          // Only a top-level paragraph that holds nothing but the label: "Read: the news" is just prose.
          if ($from.depth !== 1 || paragraph.type.name !== 'paragraph' || $from.parentOffset !== 0 || paragraph.textContent.length !== match[0].length - 1) return null;
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
