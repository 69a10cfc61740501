import type { JSONContent } from '@tiptap/core';
import { READ_ALSO_LABELS, type ReadAlsoLabel } from '../../../src/domain/document/read-also';
import type { DocumentJSON } from '../../../src/domain/document/types';
import { validateDocument } from '../../../src/domain/document/validate';
import { PHOTO_TEXT_LIMITS } from '../../../src/domain/photos/limits';
import { STORY_LIMITS } from '../../../src/domain/story/limits';
import { AppError } from '../../errors';

/**
 * What a parser makes of the copy, before "Read also" lines are matched to stories and the
 * story is created. The body is story JSON; "Read also" blocks are placeholders (`title`).
 */
export interface ImportedDraft {
  headline: string;
  standfirst: string;
  byline: string;
  dateline: string;
  /** The picture the copy named for the top of the story, without a file. */
  leadPhoto: { caption: string; credit: string; alt: string } | null;
  blocks: JSONContent[];
  sourceDate: string | null;
  notes: string[];
}

export function emptyDraft(): ImportedDraft {
  return { headline: '', standfirst: '', byline: '', dateline: '', leadPhoto: null, blocks: [], sourceDate: null, notes: [] };
}

/** An import that cannot be made into a story: 422 with a sentence a person can act on. */
export const invalidImport = (message: string) => new AppError(422, 'invalid_import', message);

// C0 and C1 controls, and the separators JavaScript treats as line ends: none belong in one line.
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** One line of text for a field: controls become spaces, runs of spaces one, cut to `max` at a word. */
export function oneLine(text: string, max: number): string {
  const line = text.replace(LINE_BREAKING, ' ').replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Text for a paragraph: like `oneLine`, without a length limit. */
export function inlineText(text: string): string {
  return text.replace(LINE_BREAKING, ' ').replace(/\s+/g, ' ').trim();
}

export const paragraph = (text: string): JSONContent => (text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' });
export const subheading = (text: string): JSONContent => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
export const readAlsoPlaceholder = (label: ReadAlsoLabel, title: string): JSONContent => ({
  type: 'readAlso',
  attrs: { label, title: oneLine(title, STORY_LIMITS.headline) },
});

/** "Read also: X", "Read: X" (and "Also read:", "See also:"), as newspapers print them. */
const READ_ALSO_LINE = /^(read also|also read|see also|read)\s*:\s*(\S.*)$/i;

/** The label and title of a "Read also" line, or null when the line is something else. */
export function readAlsoLine(line: string): { label: ReadAlsoLabel; title: string } | null {
  const match = READ_ALSO_LINE.exec(line.trim());
  if (!match) return null;
  const title = match[2].trim();
  if (title.length > STORY_LIMITS.headline || /^https?:/i.test(title)) return null;
  return { label: match[1].toLowerCase() === 'read' ? 'Read' : READ_ALSO_LABELS[0], title };
}

/** Top-level paragraphs of an imported body that say "Read also: X" become "Read also" placeholders. */
export function readAlsoBlocks(blocks: JSONContent[]): JSONContent[] {
  return blocks.map((block) => {
    if (block.type !== 'paragraph' || !block.content?.every((child) => child.type === 'text')) return block;
    const found = readAlsoLine(block.content.map((child) => child.text ?? '').join(''));
    return found ? readAlsoPlaceholder(found.label, found.title) : block;
  });
}

/** The draft's fields within the story's limits, and its body checked against the story schema. */
export function finishDraft(draft: ImportedDraft): {
  fields: { headline: string; standfirst: string; byline: string; dateline: string; leadPhoto: { photoId: null; caption: string; credit: string; alt: string } | null };
  body: DocumentJSON;
} {
  const blocks = draft.blocks.length > 0 ? draft.blocks : [paragraph('')];
  const checked = validateDocument({ type: 'doc', content: blocks });
  if (!checked.ok) {
    const tooLong = checked.problems.find((problem) => /longer than|more than/.test(problem.message));
    if (tooLong) throw invalidImport(`The copy is too long for one story: ${tooLong.message}`);
    // The parsers build only what the schema holds; this is a bug, not the copy's fault.
    throw new Error(`Imported body does not fit the schema: ${checked.problems[0]?.path} ${checked.problems[0]?.message}`);
  }
  const lead = draft.leadPhoto;
  return {
    fields: {
      headline: oneLine(draft.headline, STORY_LIMITS.headline),
      standfirst: oneLine(draft.standfirst, STORY_LIMITS.standfirst),
      byline: oneLine(draft.byline, STORY_LIMITS.byline),
      dateline: oneLine(draft.dateline, STORY_LIMITS.dateline),
      leadPhoto:
        lead && (lead.caption.trim() || lead.credit.trim())
          ? {
              photoId: null,
              caption: oneLine(lead.caption, PHOTO_TEXT_LIMITS.caption),
              credit: oneLine(lead.credit, PHOTO_TEXT_LIMITS.credit),
              alt: oneLine(lead.alt, PHOTO_TEXT_LIMITS.alt),
            }
          : null,
    },
    body: checked.doc,
  };
}
