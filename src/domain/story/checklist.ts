import type { JSONContent } from '@tiptap/core';
import type { StoryRef } from '../api/stories';
import { isReadAlsoPlaceholder } from '../document/read-also';
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
 * there is one: chosen from the library) with caption, credit and alt text, every photo in the body captioned and
 * credited, and every "Read also" or story link pointing at a published story (no placeholder left). `linked` holds
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
      lead.photoId === null
        ? { id: 'leadPhoto', label, ok: false, problem: 'The lead photo is still to be chosen from the library (its caption and credit are waiting for it)', target: 'leadPhoto-choose' }
        : missing.length === 0
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
  const placeholders = readAlsoPlaceholders(story.body);
  items.push(
    placeholders.length > 0
      ? {
          id: 'links',
          label: '“Read also” and story links point to published stories',
          ok: false,
          problem: `${placeholders.length} “Read also” ${placeholders.length === 1 ? 'line has' : 'lines have'} no story chosen yet: ${placeholders
            .map((block) => `“${block.title}”`)
            .join(', ')}`,
          target: `block:${placeholders[0].id}`,
        }
      : unpublished.length === 0
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

/** The "Read also" placeholders of a body (no story chosen yet), in order. */
export function readAlsoPlaceholders(body: DocumentJSON): Array<{ id: string; title: string }> {
  const found: Array<{ id: string; title: string }> = [];
  const stack: JSONContent[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'readAlso' && isReadAlsoPlaceholder(node.attrs)) found.push({ id: String(node.attrs?.id ?? ''), title: String(node.attrs?.title) });
    const children = node.content ?? [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  return found;
}

export function failedItems(items: ChecklistItem[]): ChecklistItem[] {
  return items.filter((item) => !item.ok);
}
