import { describe, expect, it } from 'vitest';
import { Node as PMNode } from '@tiptap/pm/model';
import { AllSelection, EditorState, NodeSelection, TextSelection } from '@tiptap/pm/state';
import { documentSchema } from '../../domain/document/schema';
import { selectionBlockDecorations } from './selection-blocks-shown';

const doc = PMNode.fromJSON(documentSchema, {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'First' }] },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Second' }] },
    { type: 'horizontalRule' },
    { type: 'paragraph', content: [{ type: 'text', text: 'Fourth' }] },
  ],
});
/** The indexes of the top-level blocks the decorations mark. */
function marked(selection: (d: PMNode) => EditorState['selection']) {
  const state = EditorState.create({ doc, selection: selection(doc) });
  const starts: number[] = [];
  doc.forEach((_node, offset) => starts.push(offset));
  return selectionBlockDecorations(state)
    .find()
    .map((decoration) => {
      expect(decoration.to - decoration.from).toBe(doc.nodeAt(decoration.from)!.nodeSize);
      return starts.indexOf(decoration.from);
    });
}

describe('the blocks the selection is in', () => {
  it('is the block around the caret, wherever it is', () => {
    expect(marked((d) => TextSelection.create(d, 1))).toEqual([0]);
    expect(marked((d) => TextSelection.create(d, 10))).toEqual([1]);
    expect(marked((d) => TextSelection.create(d, d.content.size - 1))).toEqual([3]);
  });

  it('is every block a selection spans, a selected block, or all of them', () => {
    expect(marked((d) => TextSelection.create(d, 2, d.content.size - 2))).toEqual([0, 1, 2, 3]);
    const rule = doc.child(0).nodeSize + doc.child(1).nodeSize;
    expect(marked((d) => NodeSelection.create(d, rule))).toEqual([2]);
    expect(marked((d) => new AllSelection(d))).toEqual([0, 1, 2, 3]);
  });
});
