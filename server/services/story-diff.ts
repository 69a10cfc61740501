import type { JSONContent } from '@tiptap/core';
import { diffWordsWithSpace } from 'diff';
import { documentText } from '../../src/domain/document/text';
import type { DocumentJSON } from '../../src/domain/document/types';
import type { FieldChange } from '../../src/domain/story/changes';
import type { StoryFields } from '../../src/domain/story/fields';
import { STORY_FIELD_LABELS } from '../../src/domain/story/field-labels';

const COMPARED: Array<{ field: FieldChange['field']; label: string }> = [
  ...(['headline', 'standfirst', 'byline', 'dateline', 'section', 'tags', 'seoTitle', 'seoDescription', 'body'] as const).map((field) => ({
    field,
    label: STORY_FIELD_LABELS[field],
  })),
  { field: 'photos', label: 'Photos: captions, credits and alt text' },
  { field: 'links', label: 'Links and “Read also”' },
];

/** The lead photo and every figure: caption, credit and alt text, one photo per line. */
function photosOf(fields: Partial<StoryFields>): string {
  const lines: string[] = [];
  const lead = fields.leadPhoto;
  if (lead) lines.push(`Lead photo: ${lead.caption} PHOTO: ${lead.credit} (alt: ${lead.alt})`);
  for (const block of fields.body?.content ?? []) {
    if (block.type !== 'figure') continue;
    const caption = (block.content ?? []).map((node) => node.text ?? '').join('');
    lines.push(`Photo: ${caption} PHOTO: ${block.attrs?.credit ?? ''} (alt: ${block.attrs?.alt ?? ''})`);
  }
  return lines.join('\n');
}

/** Every link target and read-also block of a body, one per line, so a changed target shows. */
function linksOf(body: DocumentJSON): string {
  const lines: string[] = [];
  const stack: JSONContent[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'readAlso') lines.push(`${node.attrs?.label ?? 'Read also'}: story ${node.attrs?.storyId}`);
    for (const mark of node.marks ?? []) {
      if (mark.type === 'link') lines.push(`“${node.text ?? ''}” → ${mark.attrs?.storyId ? `story ${mark.attrs.storyId}` : mark.attrs?.href}`);
    }
    const children = node.content ?? [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  return lines.join('\n');
}

/** The text of one field as a reader would compare it. */
function comparable(fields: Partial<StoryFields>, field: FieldChange['field']): string {
  if (field === 'body') return fields.body ? documentText(fields.body) : '';
  if (field === 'links') return fields.body ? linksOf(fields.body) : '';
  if (field === 'photos') return photosOf(fields);
  if (field === 'tags') return (fields.tags ?? []).join(', ');
  return String(fields[field] ?? '');
}

/** A word-level diff (jsdiff) of two versions of a story, field by field, unchanged fields left out. */
export function diffStoryFields(before: Partial<StoryFields>, after: Partial<StoryFields>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const { field, label } of COMPARED) {
    const was = comparable(before, field);
    const now = comparable(after, field);
    if (was === now) continue;
    changes.push({ field, label, parts: diffWordsWithSpace(was, now).map(({ value, added, removed }) => ({ value, ...(added ? { added } : {}), ...(removed ? { removed } : {}) })) });
  }
  return changes;
}
