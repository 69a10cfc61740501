import { describe, expect, it } from 'vitest';
import { updateStoryInputSchema } from '../../../domain/story/fields';
import { parseTags, tagsProblem } from './tags';

describe('tags as typed', () => {
  it('splits on commas, trims, drops empties and repeats', () => {
    expect(parseTags(' water, Diplomacy ,, water,  river   deal ')).toEqual(['water', 'Diplomacy', 'river deal']);
    expect(parseTags('')).toEqual([]);
  });

  it('names the problem the server would refuse, before sending', () => {
    const many = Array.from({ length: 21 }, (_, i) => `tag${i}`);
    const long = ['x'.repeat(51)];
    for (const tags of [many, long]) {
      expect(tagsProblem(tags)).not.toBeNull();
      expect(updateStoryInputSchema.safeParse({ tags }).success).toBe(false);
    }
    const fine = parseTags('harbour, ferry, night service');
    expect(tagsProblem(fine)).toBeNull();
    expect(updateStoryInputSchema.safeParse({ tags: fine }).success).toBe(true);
  });
});
