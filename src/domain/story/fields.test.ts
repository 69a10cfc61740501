import { describe, expect, it } from 'vitest';
import { createStoryInputSchema, updateStoryInputSchema } from './fields';
import { slugify } from './slug';

function messages(input: unknown): string[] {
  const result = updateStoryInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('story field rules', () => {
  it('accepts any subset of the editable fields and normalises tags and the body', () => {
    const result = updateStoryInputSchema.parse({
      headline: 'Blinken-style headline with “quotes”',
      tags: [' harbour ', 'ferry'],
      section: null,
      body: { type: 'doc', content: [{ type: 'paragraph' }] },
    });
    expect(result.tags).toEqual(['harbour', 'ferry']);
    expect(result.body!.content![0].attrs!.id).toEqual(expect.any(String));
    expect(createStoryInputSchema.parse({})).toEqual({});
  });

  it('takes a lead photo with its caption, credit and alt text, or null for none', () => {
    const leadPhoto = { photoId: 'ab'.repeat(32), caption: 'Blinken in the Yu Gardens.', credit: 'Reuters', alt: 'Two men walking' };
    expect(updateStoryInputSchema.parse({ leadPhoto }).leadPhoto).toEqual(leadPhoto);
    expect(updateStoryInputSchema.parse({ leadPhoto: null }).leadPhoto).toBeNull();
  });

  it('keeps what was typed: no trimming of headlines mid-sentence', () => {
    expect(updateStoryInputSchema.parse({ headline: 'Trailing space ' }).headline).toBe('Trailing space ');
  });

  it.each([
    [{ headline: 'x'.repeat(301) }, 'headline: Headline can be at most 300 characters'],
    [{ standfirst: 'a\u0000b' }, 'standfirst: Standfirst cannot contain line breaks or control characters'],
    [{ dateline: 'KESTREL\nBAY' }, 'dateline: Dateline cannot contain line breaks or control characters'],
    [{ seoTitle: 'x'.repeat(121) }, 'seoTitle: SEO title can be at most 120 characters'],
    [{ tags: ['  '] }, 'tags.0: A tag cannot be empty'],
    [{ tags: ['Ferry', 'ferry'] }, 'tags: Each tag can appear only once'],
    [{ section: 'weather' }, 'section: Section must be one of: news, world, politics, business, science, culture, sport, opinion'],
    [{ revision: 9 }, ': Unrecognized key: "revision"'],
    [{ leadPhoto: { photoId: 'x', caption: '', credit: '', alt: '' } }, 'leadPhoto.photoId: not a photo id (64 hex digits)'],
    [{ leadPhoto: { photoId: 'a'.repeat(64), caption: 'two\nlines', credit: '', alt: '' } }, 'leadPhoto.caption: Lead photo caption cannot contain line breaks or control characters'],
    [{ leadPhoto: { photoId: 'a'.repeat(64), caption: '', credit: '', alt: 'x'.repeat(501) } }, 'leadPhoto.alt: Lead photo alt text can be at most 500 characters'],
    [{ leadPhoto: { photoId: 'a'.repeat(64), caption: '', credit: '', alt: '', src: 'x' } }, 'leadPhoto: Unrecognized key: "src"'],
    [{ leadPhoto: 'a'.repeat(64) }, 'leadPhoto: Lead photo must be an object with photoId, caption, credit and alt, or null'],
    [{}, ': Send at least one field to save'],
  ])('refuses %j', (input, message) => {
    expect(messages(input)).toContain(message);
  });
});

describe('slugify', () => {
  it.each([
    ['Better US-China ties, but deep disagreements', 'better-us-china-ties-but-deep-disagreements'],
    ['Café owners’ night: “It’s late”', 'cafe-owners-night-its-late'],
    ['   ', ''],
    ['Zürich 2024 — São Paulo', 'zurich-2024-sao-paulo'],
  ])('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('cuts long headlines at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.endsWith('word')).toBe(true);
  });
});
