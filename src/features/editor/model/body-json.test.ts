import { describe, expect, it } from 'vitest';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { documentSchema } from '../../../domain/document/schema';
import { diffBody } from '../../../domain/story/body-patch';
import { bodyJSON } from './body-json';

const paragraph = (id: string, text: string) => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });

describe('bodyJSON', () => {
  const doc = PMNode.fromJSON(documentSchema, { type: 'doc', content: [paragraph('a', 'First.'), paragraph('b', 'Second.'), paragraph('c', 'Third.')] });

  it('is the same JSON as ProseMirror gives for the whole document', () => {
    expect(bodyJSON(doc)).toEqual(doc.toJSON());
  });

  it('serialises again only the blocks that changed, so a save sends only those', () => {
    const before = bodyJSON(doc);
    // Typing in the second paragraph: ProseMirror keeps the other two nodes as they were.
    const typed = EditorState.create({ doc }).tr.insertText(' one', doc.child(0).nodeSize + 1 + 'Second'.length).doc;
    const after = bodyJSON(typed);
    expect(after.content![0]).toBe(before.content![0]);
    expect(after.content![2]).toBe(before.content![2]);
    expect(after.content![1]).not.toBe(before.content![1]);
    expect(after.content![1]).toEqual(paragraph('b', 'Second one.'));
    // Blocks in their places: no order sent.
    expect(diffBody(before, after)).toEqual({ blocks: [paragraph('b', 'Second one.')] });
    // A block added or moved: the order goes too.
    const added = { ...after, content: [...after.content!, paragraph('d', 'Fourth.')] };
    expect(diffBody(before, added)).toEqual({ order: ['a', 'b', 'c', 'd'], blocks: [paragraph('b', 'Second one.'), paragraph('d', 'Fourth.')] });
    const moved = { ...before, content: [before.content![2]!, before.content![0]!, before.content![1]!] };
    expect(diffBody(before, moved)).toEqual({ order: ['c', 'a', 'b'], blocks: [] });
  });

  it('hands out JSON no reader can change under the others', () => {
    const json = bodyJSON(doc);
    expect(() => {
      (json.content![0]!.content![0] as { text: string }).text = 'changed';
    }).toThrow(TypeError);
    expect(bodyJSON(doc).content![0]).toEqual(paragraph('a', 'First.'));
  });
});
