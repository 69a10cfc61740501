import type { JSONContent } from '@tiptap/core';
import { bodyFacts } from '../document/body-facts';
import { FIGURE, figureLacks, PHOTO_FIELDS, type PhotoField } from '../document/figure';
import type { DocumentJSON } from '../document/types';
import type { LeadPhoto } from './fields';

export { PHOTO_FIELDS, type PhotoField };

/** The figures of a body that lack any of `fields` (empty or blank), with what each lacks. */
export function figureGaps(body: DocumentJSON, fields: readonly PhotoField[] = PHOTO_FIELDS): Array<{ id: string; lacks: PhotoField[] }> {
  const found: Array<{ id: string; lacks: PhotoField[] }> = [];
  const stack: JSONContent[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === FIGURE) {
      const lacks = figureLacks(node, fields);
      if (lacks.length > 0) found.push({ id: String(node.attrs?.id ?? ''), lacks });
    }
    const children = node.content ?? [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  return found;
}

/**
 * How many photos of a story (lead photo and figures) lack a caption, credit or alt text — or,
 * for a lead photo that came with imported copy, the photo itself: the photo desk's to-do.
 */
export function photoGapCount(leadPhoto: LeadPhoto | null, body: DocumentJSON): number {
  const lead = leadPhoto && (leadPhoto.photoId === null || PHOTO_FIELDS.some((field) => !leadPhoto[field].trim())) ? 1 : 0;
  // Counted once per kept body and per changed block (see document/body-facts.ts).
  return lead + bodyFacts(body).figureGaps;
}
