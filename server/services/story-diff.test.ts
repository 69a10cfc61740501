import { describe, expect, it } from 'vitest';
import type { StoryFields } from '../../src/domain/story/fields';
import { diffStoryFields } from './story-diff';

const figure = (caption: string, credit: string, alt: string) => ({
  type: 'figure',
  attrs: { id: 'f1', photoId: 'ab'.repeat(32), credit, alt, width: null, height: null },
  content: [{ type: 'text', text: caption }],
});

describe('the difference between two versions of a story', () => {
  it('shows changed captions, credits and alt text of the lead photo and of figures, word by word', () => {
    const before: Partial<StoryFields> = {
      headline: 'Same',
      leadPhoto: { photoId: 'cd'.repeat(32), caption: 'The quay', credit: 'NEWSDESK', alt: 'A quay' },
      body: { type: 'doc', content: [figure('Boats at dawn.', '', 'Boats')] },
    };
    const after: Partial<StoryFields> = {
      headline: 'Same',
      leadPhoto: { photoId: 'cd'.repeat(32), caption: 'The north quay', credit: 'NEWSDESK', alt: 'A quay' },
      body: { type: 'doc', content: [figure('Boats at dawn.', 'HARBOURLINE', 'Boats')] },
    };
    const changes = diffStoryFields(before, after);
    expect(changes.map((change) => change.field)).toEqual(['photos']);
    const parts = changes[0].parts;
    expect(parts.filter((part) => part.added).map((part) => part.value.trim())).toEqual(['north', 'HARBOURLINE']);
    expect(parts.filter((part) => part.removed).map((part) => part.value.trim())).toEqual(parts.filter((part) => part.removed).map(() => ''));
  });
});
