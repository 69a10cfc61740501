import { describe, expect, it } from 'vitest';
import { guessFormat } from './guess-format';

describe('guessFormat', () => {
  it('reads the file name first, then the first characters', () => {
    expect(guessFormat('anything', 'story.JSON')).toBe('ninjs');
    expect(guessFormat('anything', 'item.xml')).toBe('newsml');
    expect(guessFormat('  {"headline": "x"}')).toBe('ninjs');
    expect(guessFormat('<?xml version="1.0"?><newsItem/>')).toBe('newsml');
    expect(guessFormat('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">')).toBe('newsml');
    expect(guessFormat('Headline\n\nSHANGHAI:\n\nText.', 'wire.txt')).toBe('text');
  });
});
