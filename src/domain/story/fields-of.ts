import type { StoryFields } from './fields';

/** The fields a person edits, picked out of a story (or anything that has them). */
export function fieldsOf(story: StoryFields): StoryFields {
  const { headline, standfirst, byline, dateline, section, tags, seoTitle, seoDescription, leadPhoto, body } = story;
  return { headline, standfirst, byline, dateline, section, tags, seoTitle, seoDescription, leadPhoto, body };
}
