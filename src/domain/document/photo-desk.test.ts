import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { onlyPhotoDeskChanges, onlyPhotoDeskChangesJSON } from './photo-desk';
import { documentSchema } from './schema';
import type { DocumentJSON } from './types';
import { validateDocument } from './validate';

const PHOTO = 'ab'.repeat(32);

function body(): DocumentJSON {
  const result = validateDocument({
    type: 'doc',
    content: [
      { type: 'heading', attrs: { id: 'h', level: 2 }, content: [{ type: 'text', text: 'Talks in Beijing' }] },
      { type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'Blinken will meet Wang Yi.' }] },
      { type: 'figure', attrs: { id: 'f1', photoId: PHOTO, credit: 'Reuters', alt: 'Two men', width: 800, height: 600 }, content: [{ type: 'text', text: 'In the Yu Gardens.' }] },
      {
        type: 'blockquote',
        attrs: { id: 'q' },
        content: [
          { type: 'figure', attrs: { id: 'f2', photoId: PHOTO, credit: '', alt: '' } },
          { type: 'paragraph', attrs: { id: 'p2' }, content: [{ type: 'text', text: 'Quoted.' }] },
        ],
      },
    ],
  });
  if (!result.ok) throw new Error(result.problems[0].message);
  return result.doc;
}

function changed(edit: (doc: any) => void): DocumentJSON {
  const copy = structuredClone(body());
  edit(copy);
  return copy;
}

describe('onlyPhotoDeskChanges', () => {
  it('accepts the same body', () => {
    expect(onlyPhotoDeskChangesJSON(body(), body())).toBe(true);
  });

  it.each([
    ['a caption rewritten', (doc: any) => (doc.content[2].content = [{ type: 'text', text: 'Blinken and Burns in the Yu Gardens, Shanghai.' }])],
    ['a caption emptied', (doc: any) => delete doc.content[2].content],
    ['a caption given italics', (doc: any) => (doc.content[2].content[0].marks = [{ type: 'italic' }])],
    ['a caption written into an empty figure in a quote', (doc: any) => (doc.content[3].content[0].content = [{ type: 'text', text: 'New caption' }])],
    ['a credit', (doc: any) => (doc.content[2].attrs.credit = 'REUTERS')],
    ['an alt text', (doc: any) => (doc.content[3].content[0].attrs.alt = 'A pavilion by a pond')],
  ])('accepts %s', (_label, edit) => {
    expect(onlyPhotoDeskChangesJSON(body(), changed(edit))).toBe(true);
  });

  it.each([
    ['a word of a paragraph', (doc: any) => (doc.content[1].content[0].text = 'Blinken will meet Xi.')],
    ['a word of the subheading', (doc: any) => (doc.content[0].content[0].text = 'Talks in Shanghai')],
    ['a heading level', (doc: any) => (doc.content[0].attrs.level = 3)],
    ['bold on a paragraph', (doc: any) => (doc.content[1].content[0].marks = [{ type: 'bold' }])],
    ['a paragraph inside a quote', (doc: any) => (doc.content[3].content[1].content[0].text = 'Misquoted.')],
    ['a block removed', (doc: any) => doc.content.splice(1, 1)],
    ['a block added', (doc: any) => doc.content.push({ type: 'paragraph', attrs: { id: 'p9' } })],
    ['a figure removed', (doc: any) => doc.content.splice(2, 1)],
    ['blocks swapped', (doc: any) => doc.content.splice(1, 2, doc.content[2], doc.content[1])],
    ['a figure’s photo', (doc: any) => (doc.content[2].attrs.photoId = 'cd'.repeat(32))],
    ['a figure’s size', (doc: any) => (doc.content[2].attrs.width = 1024)],
    ['a block id', (doc: any) => (doc.content[1].attrs.id = 'p1b')],
    ['a figure’s block id', (doc: any) => (doc.content[2].attrs.id = 'f9')],
  ])('refuses %s', (_label, edit) => {
    expect(onlyPhotoDeskChangesJSON(body(), changed(edit))).toBe(false);
  });

  it('follows an editor’s transactions: typing in a caption passes, typing in a paragraph does not', () => {
    const doc = PMNode.fromJSON(documentSchema, body());
    const state = EditorState.create({ doc });
    let captionEnd = -1;
    let paragraphEnd = -1;
    doc.forEach((node, offset) => {
      if (node.attrs.id === 'f1') captionEnd = offset + node.nodeSize - 1;
      if (node.attrs.id === 'p1') paragraphEnd = offset + node.nodeSize - 1;
    });
    const inCaption = state.tr.insertText(' PHOTO', captionEnd);
    expect(onlyPhotoDeskChanges(inCaption.before, inCaption.doc)).toBe(true);
    const inParagraph = state.tr.insertText(' And Xi.', paragraphEnd);
    expect(onlyPhotoDeskChanges(inParagraph.before, inParagraph.doc)).toBe(false);
    const figurePos = captionEnd - doc.resolve(captionEnd).parent.nodeSize + 1;
    const credit = state.tr.setNodeMarkup(figurePos, undefined, { ...doc.nodeAt(figurePos)!.attrs, credit: 'AFP' });
    expect(onlyPhotoDeskChanges(credit.before, credit.doc)).toBe(true);
    const photo = state.tr.setNodeMarkup(figurePos, undefined, { ...doc.nodeAt(figurePos)!.attrs, photoId: 'cd'.repeat(32) });
    expect(onlyPhotoDeskChanges(photo.before, photo.doc)).toBe(false);
  });
});
