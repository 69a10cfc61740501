import { TextSelection } from '@tiptap/pm/state';
import { Figure, FIGURE } from '../../../domain/document/figure';

export interface EditorFigureOptions {
  /** False for the photo desk: captions, credits and alt text only, no removing photos. */
  textEditable: boolean;
}

/**
 * The shared figure node with the editor's keys (its view, figure-view.ts, is installed by
 * editor-extensions.ts). Enter in a caption leaves the figure for the paragraph after it (making
 * one when there is none), as a caption is one line.
 */
export const EditorFigure = Figure.extend<EditorFigureOptions>({
  addOptions() {
    return { textEditable: true };
  },

  addKeyboardShortcuts() {
    const leaveCaption = () =>
      this.editor.commands.command(({ state, tr, dispatch }) => {
        const { $from } = state.selection;
        if ($from.parent.type.name !== FIGURE) return false;
        const after = $from.after();
        const next = tr.doc.resolve(after).nodeAfter;
        if (dispatch) {
          if (!next || !next.isTextblock) {
            // The photo desk adds no paragraphs: the cursor stays in the caption.
            if (!this.options.textEditable) return true;
            tr.insert(after, state.schema.nodes.paragraph.create());
          }
          tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView();
        }
        return true;
      });
    const inCaption = () => this.editor.state.selection.$from.parent.type.name === FIGURE;
    // Tab goes from the caption to this figure's credit (the browser would pick the first control
    // anywhere in the editor).
    const toCredit = () => {
      const { $from } = this.editor.state.selection;
      if ($from.parent.type.name !== FIGURE) return false;
      const dom = this.editor.view.nodeDOM($from.before());
      const credit = dom instanceof HTMLElement ? dom.querySelector<HTMLInputElement>('input[data-figure-field="credit"]') : null;
      credit?.focus();
      return Boolean(credit);
    };
    return {
      Enter: leaveCaption,
      Tab: toCredit,
      // No line breaks in a caption.
      'Shift-Enter': () => inCaption(),
      'Mod-Enter': () => inCaption(),
    };
  },
});
