import type { StoryRef } from '../api/stories';
import { storyReferences } from '../document/references';
import type { DocumentJSON } from '../document/types';

/** One thing a story must have before it is approved or published. */
export interface ChecklistItem {
  id: string;
  /** What is checked, as the list shows it. */
  label: string;
  ok: boolean;
  /** What is wrong, when not ok. */
  problem?: string;
  /** The field or block to go to: a field name (`headline`) or `block:<id>`. */
  target?: string;
}

/** What the checklist needs to know about the story. */
export interface ChecklistStory {
  headline: string;
  standfirst: string;
  byline: string;
  slug: string;
  body: DocumentJSON;
}

/** A slug made before the story had a headline: not an address for readers. */
export const PLACEHOLDER_SLUG = /^story-[0-9a-f]{8}$/;

/**
 * The publish checklist: headline, standfirst, byline, a real web address, and every "Read also"
 * or story link pointing at a published story. `linked` holds the stories the body points to.
 * Pure: the server runs it to allow approving and publishing, the editor to show it.
 */
export function publishChecklist(story: ChecklistStory, linked: ReadonlyMap<string, StoryRef>): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const present = (id: string, label: string, value: string, problem: string) =>
    items.push(value.trim() ? { id, label, ok: true } : { id, label, ok: false, problem, target: id });

  present('headline', 'Headline', story.headline, 'The story has no headline');
  present('standfirst', 'Standfirst', story.standfirst, 'The story has no standfirst');
  present('byline', 'Byline', story.byline, 'The story has no byline');
  items.push(
    PLACEHOLDER_SLUG.test(story.slug) || !story.slug
      ? { id: 'slug', label: 'Web address', ok: false, problem: 'The story needs a headline to make its web address from', target: 'headline' }
      : { id: 'slug', label: 'Web address', ok: true },
  );

  const unpublished = storyReferences(story.body).filter((id) => linked.get(id)?.status !== 'published');
  items.push(
    unpublished.length === 0
      ? { id: 'links', label: '“Read also” and story links point to published stories', ok: true }
      : {
          id: 'links',
          label: '“Read also” and story links point to published stories',
          ok: false,
          problem: `${unpublished.length} linked ${unpublished.length === 1 ? 'story is' : 'stories are'} not published: ${unpublished
            .map((id) => (linked.get(id) ? `“${linked.get(id)!.headline}”` : 'a story you cannot see'))
            .join(', ')}`,
          target: `story:${unpublished[0]}`,
        },
  );
  return items;
}

export function failedItems(items: ChecklistItem[]): ChecklistItem[] {
  return items.filter((item) => !item.ok);
}
