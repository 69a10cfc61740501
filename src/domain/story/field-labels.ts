import type { StoryFieldName } from './fields';

/** What people call each story field, for lists of changes and conflicts. */
export const STORY_FIELD_LABELS: Record<StoryFieldName, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  byline: 'Byline',
  dateline: 'Dateline',
  section: 'Section',
  tags: 'Tags',
  seoTitle: 'SEO title',
  seoDescription: 'SEO description',
  leadPhoto: 'Lead photo',
  body: 'Text',
};
