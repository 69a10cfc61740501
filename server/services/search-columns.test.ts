import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import type { DocumentJSON } from '../../src/domain/document/types';
import { documentText, foldForSearch } from '../../src/domain/document/text';
import { deepFreeze } from '../db/body-parts';
import { searchColumns } from './search-backlog';

// Letters with accents (composed and combining, and an accent alone), Greek capital sigma (lower-cased by its context),
// ligatures NFKD splits, spaces and line breaks.
// A combining accent alone: text that folds to nothing.
const text = fc.array(fc.constantFrom('a', 'É', 'e\u0301', '\u0301', 'Σ', 'ΣΑ', 'ﬁ', ' ', '\n', 'Ǆ', '1', 'ß', ''), { maxLength: 8 }).map((parts) => parts.join(''));
const paragraph = text.map((words): JSONContent => ({ type: 'paragraph', content: words ? [{ type: 'text', text: words }] : [] }));
const list = fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((items): JSONContent => ({ type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [item] })) }));
const blocks = fc.array(fc.oneof(paragraph, list), { maxLength: 8 });

describe('searchColumns', () => {
  it('folds block by block exactly what folding the whole text gave, also for frozen blocks met again in another body', () => {
    fc.assert(
      fc.property(text, text, blocks, blocks, (headline, standfirst, first, second) => {
        const whole = (body: DocumentJSON) => foldForSearch(`${headline}\n${standfirst}\n${documentText(body)}`);
        const stored: DocumentJSON = { type: 'doc', content: first };
        deepFreeze(stored);
        expect(searchColumns(headline, standfirst, stored)).toEqual({ search_text: whole(stored), search_headline: foldForSearch(headline) });
        // A later body sharing some of the stored one's (frozen) blocks, as a patched body does.
        const later: DocumentJSON = { type: 'doc', content: [...second, ...first.filter((_, index) => index % 2 === 1)] };
        expect(searchColumns(headline, standfirst, later).search_text).toBe(whole(later));
      }),
    );
  });
});
