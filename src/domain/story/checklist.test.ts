import { describe, expect, it } from 'vitest';
import type { DocumentJSON } from '../document/types';
import { failedItems, publishChecklist, type ChecklistStory } from './checklist';
import { photoGapCount } from './photo-gaps';

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

  it('refuses a lead photo still to be chosen (imported caption and credit, no picture) and counts it for the photo desk', () => {
    const waiting = { photoId: null, caption: 'Ferry at the quay.', credit: 'AFP', alt: '' };
    expect(failed(story({ leadPhoto: waiting }))).toEqual([
      {
        id: 'leadPhoto',
        label: 'Lead photo has a caption, credit and alt text',
        ok: false,
        problem: 'The lead photo is still to be chosen from the library (its caption and credit are waiting for it)',
        target: 'leadPhoto-choose',
      },
    ]);
    expect(photoGapCount(waiting, story().body)).toBe(1);
    expect(photoGapCount({ ...waiting, photoId: PHOTO, alt: 'A ferry' }, story().body)).toBe(0);
  });
});

describe('the publish checklist and "Read also" placeholders', () => {
  it('refuses a story with "Read also" lines that point to no story yet, naming them and pointing at the first', () => {
    const body: DocumentJSON = {
      type: 'doc',
      content: [
        { type: 'readAlso', attrs: { id: 'r1', storyId: null, title: 'Ferry to run at night', label: 'Read also' } },
        { type: 'readAlso', attrs: { id: 'r2', storyId: null, title: 'Bridge closes', label: 'Read' } },
      ],
    };
    expect(failed(story({ body }))).toEqual([
      {
        id: 'links',
        label: '“Read also” and story links point to published stories',
        ok: false,
        problem: '2 “Read also” lines have no story chosen yet: “Ferry to run at night”, “Bridge closes”',
        target: 'block:r1',
      },
    ]);
  });
});
