import type { StoryRef } from '../api/stories';
import { storyReferences } from '../document/references';
import type { DocumentJSON } from '../document/types';
import type { LeadPhoto } from './fields';
import { figureGaps } from './photo-gaps';

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
  leadPhoto: LeadPhoto | null;
  body: DocumentJSON;
}

/** A slug made before the story had a headline: not an address for readers. */
export const PLACEHOLDER_SLUG = /^story-[0-9a-f]{8}$/;

const LEAD_PHOTO_FIELDS = [
  ['caption', 'caption'],
  ['credit', 'credit'],
  ['alt', 'alt text'],
] as const;

/**
 * The publish checklist: headline, standfirst, byline, a real web address, the lead photo (when
 * there is one) with caption, credit and alt text, every photo in the body captioned and
 * credited, and every "Read also" or story link pointing at a published story. `linked` holds
 * the stories the body points to. Pure: the server runs it to allow approving and publishing,
 * the editor to show it.
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

  if (story.leadPhoto) {
    const lead = story.leadPhoto;
    const missing = LEAD_PHOTO_FIELDS.filter(([field]) => !lead[field].trim());
    const label = 'Lead photo has a caption, credit and alt text';
    items.push(
      missing.length === 0
        ? { id: 'leadPhoto', label, ok: true }
        : {
            id: 'leadPhoto',
            label,
            ok: false,
            problem: `The lead photo has no ${missing.map(([, name]) => name).join(', no ')}`,
            target: `leadPhoto-${missing[0][0]}`,
          },
    );
  }

  const uncredited = figureGaps(story.body, ['caption', 'credit']);
  const figuresLabel = 'Every photo in the story has a caption and a credit';
  items.push(
    uncredited.length === 0
      ? { id: 'figures', label: figuresLabel, ok: true }
      : {
          id: 'figures',
          label: figuresLabel,
          ok: false,
          problem: `${uncredited.length} ${uncredited.length === 1 ? 'photo in the story lacks' : 'photos in the story lack'} a ${[...new Set(uncredited.flatMap((figure) => figure.lacks))].join(' or ')}`,
          target: `block:${uncredited[0].id}`,
        },
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
