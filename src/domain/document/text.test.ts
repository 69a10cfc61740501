import { describe, expect, it } from 'vitest';
import { countWords, documentText, foldForSearch, readingMinutes } from './text';

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
