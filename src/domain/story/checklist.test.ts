import { describe, expect, it } from 'vitest';
import type { DocumentJSON } from '../document/types';
import { failedItems, publishChecklist, type ChecklistStory } from './checklist';

const PHOTO = 'ab'.repeat(32);
const figure = (id: string, caption: string, credit: string) => ({
  type: 'figure',
  attrs: { id, photoId: PHOTO, credit, alt: '', width: null, height: null },
  ...(caption ? { content: [{ type: 'text', text: caption }] } : {}),
});

function story(overrides: Partial<ChecklistStory> = {}): ChecklistStory {
  return {
    headline: 'Blinken arrives in Shanghai',
    standfirst: 'Talks in Beijing follow.',
    byline: 'Reuters',
    slug: 'blinken-arrives-in-shanghai',
    leadPhoto: { photoId: PHOTO, caption: 'Blinken in the Yu Gardens.', credit: 'Reuters', alt: 'Two men walking' },
    body: { type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text', text: 'Words.' }] }] },
    ...overrides,
  };
}

const failed = (input: ChecklistStory) => failedItems(publishChecklist(input, new Map()));

describe('the publish checklist and photos', () => {
  it('passes a story whose lead photo and figures have their words', () => {
    const body: DocumentJSON = { type: 'doc', content: [figure('f1', 'In the gardens.', 'Reuters')] };
    expect(failed(story({ body }))).toEqual([]);
    expect(publishChecklist(story({ body }), new Map()).map((item) => item.id)).toContain('leadPhoto');
  });

  it('asks for the lead photo’s missing caption, credit and alt text, pointing at the first', () => {
    const items = failed(story({ leadPhoto: { photoId: PHOTO, caption: 'Blinken.', credit: ' ', alt: '' } }));
    expect(items).toEqual([
      { id: 'leadPhoto', label: 'Lead photo has a caption, credit and alt text', ok: false, problem: 'The lead photo has no credit, no alt text', target: 'leadPhoto-credit' },
    ]);
  });

  it('asks for captions and credits of photos in the body, pointing at the first that lacks one', () => {
    const body: DocumentJSON = {
      type: 'doc',
      content: [figure('f1', 'Captioned.', 'AFP'), figure('f2', '', 'AFP'), { type: 'blockquote', content: [figure('f3', 'Quoted photo.', '')] }],
    };
    expect(failed(story({ body }))).toEqual([
      { id: 'figures', label: 'Every photo in the story has a caption and a credit', ok: false, problem: '2 photos in the story lack a caption or credit', target: 'block:f2' },
    ]);
  });

  it('does not ask for a lead photo a story does not have', () => {
    expect(failed(story({ leadPhoto: null }))).toEqual([]);
  });
});
