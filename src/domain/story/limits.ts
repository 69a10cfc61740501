/** Field limits shared by the editor (counters, maxLength) and the server (validation). */
export const STORY_LIMITS = {
  headline: 300,
  standfirst: 1000,
  byline: 200,
  dateline: 100,
  tag: 50,
  tags: 20,
  seoTitle: 120,
  seoDescription: 320,
} as const;

/** A workflow note (sending back, correcting): long enough for a paragraph of instructions. */
export const NOTE_MAX = 2000;

/** Search engines cut titles and descriptions around these lengths; the editor warns past them. */
export const SEO_RECOMMENDED = {
  seoTitle: 60,
  seoDescription: 160,
} as const;
