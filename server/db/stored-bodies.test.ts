import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentJSON } from '../../src/domain/document/types';
import { bodyText } from './stored-bodies';

// Blocks as JSON allows: nested objects and arrays, strings with quotes, escapes and emoji.
const block = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 });
const documents = fc.array(block, { maxLength: 12 }).map((content) => ({ type: 'doc', content }) as DocumentJSON);

describe('bodyText', () => {
  it('is the JSON text JSON.stringify gives, for any body, also when its blocks were serialised before in another body', () => {
    fc.assert(
      fc.property(documents, documents, (first, second) => {
        expect(bodyText(first)).toBe(JSON.stringify(first));
        // The second body reuses some of the first one's blocks (as a patched body reuses the stored ones).
        const mixed = { type: 'doc', content: [...second.content!, ...first.content!.filter((_, index) => index % 2 === 0)] } as DocumentJSON;
        expect(bodyText(mixed)).toBe(JSON.stringify(mixed));
      }),
    );
  });

  it('freezes each block it serialises, so a block cannot change under its remembered text', () => {
    const paragraph = { type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'Before' }] };
    const body: DocumentJSON = { type: 'doc', content: [paragraph] };
    const text = bodyText(body);
    expect(() => {
      (paragraph.content[0] as { text: string }).text = 'After';
    }).toThrow(TypeError);
    expect(bodyText({ type: 'doc', content: [paragraph] })).toBe(text);
    expect(JSON.parse(text).content[0].content[0].text).toBe('Before');
  });

  it('serialises a body of another shape whole', () => {
    const body = { type: 'doc', attrs: { lang: 'en' }, content: [{ type: 'paragraph' }] } as DocumentJSON;
    expect(bodyText(body)).toBe(JSON.stringify(body));
    expect(bodyText({ type: 'doc' } as DocumentJSON)).toBe('{"type":"doc"}');
  });
});
