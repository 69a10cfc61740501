import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JSONContent } from '@tiptap/core';
import { countWords, documentText, foldForSearch, readingMinutes, wordCountAfter } from './text';

describe('documentText', () => {
  it('joins blocks with blank lines, keeps hard breaks, and reads lists and quotes', () => {
    const text = documentText({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'One ' }, { type: 'text', text: 'bold', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: 'two' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'item' }] }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted' }] }] },
        { type: 'horizontalRule' },
        { type: 'paragraph' },
      ],
    });
    expect(text).toBe('Title\n\nOne bold\ntwo\n\nitem\n\nquoted');
  });

  it('is empty for an empty or missing document', () => {
    expect(documentText(null)).toBe('');
    expect(documentText({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('');
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['One two three', 3],
    ['U.S. officials’ well-known plan — don’t panic', 6],
    ['“Open lines of communication,” said Wu.', 6],
    ['Zürich, São Paulo and 2024', 5],
    ['— – …', 0],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});

describe('readingMinutes', () => {
  it('rounds to whole minutes, at least one for any text', () => {
    expect(readingMinutes(0)).toBe(0);
    expect(readingMinutes(5)).toBe(1);
    expect(readingMinutes(230)).toBe(1);
    expect(readingMinutes(1000)).toBe(4);
    expect(readingMinutes(10_000)).toBe(43);
  });
});

describe('foldForSearch', () => {
  it('drops accents and case so "cafe" finds "Café"', () => {
    expect(foldForSearch('Café Zürich ÅNGSTRÖM naïve')).toBe('cafe zurich angstrom naive');
  });
});

describe('wordCountAfter', () => {
  const wordy = fc.array(fc.constantFrom('ferry', 'U.S.', "don't", '—', 'well-known', '12', 'Zürich', '\n', ' '), { maxLength: 12 }).map((parts) => parts.join(' '));
  const block = wordy.map((text): JSONContent => (text.trim() ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' }));
  const whole = (doc: JSONContent) => countWords(documentText(doc));

  it('equals counting the whole body after any mix of kept, changed, added, removed and moved blocks', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), fc.array(fc.oneof(fc.nat(20), block), { minLength: 1, maxLength: 10 }), (blocks, plan) => {
        const before = { type: 'doc', content: blocks };
        // A number keeps (and may move) a block of `before`, the same object; a block is new.
        const after = { type: 'doc', content: plan.map((step) => (typeof step === 'number' ? blocks[step % blocks.length]! : step)) };
        const once = { type: 'doc', content: [...new Set(after.content)] };
        expect(wordCountAfter(before, whole(before), once)).toBe(whole(once));
      }),
      { numRuns: 300 },
    );
  });

  it('counts only the blocks that differ: a changed paragraph of a long story', () => {
    const long = { type: 'doc', content: Array.from({ length: 200 }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `paragraph ${i} of the story` }] })) };
    const edited = { ...long, content: long.content.map((b, i) => (i === 7 ? { type: 'paragraph', content: [{ type: 'text', text: 'now three words' }] } : b)) };
    expect(wordCountAfter(long, 1000, edited)).toBe(1000 - 5 + 3);
  });
});
