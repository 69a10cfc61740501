import type { JSONContent } from '@tiptap/core';
import type { ImportFormat, ImportReport, ImportResponse } from '../../../src/domain/api/imports';
import type { SessionUser } from '../../../src/domain/api/users';
import { can } from '../../../src/domain/auth/permissions';
import type { DocumentJSON } from '../../../src/domain/document/types';
import { forbidden } from '../../errors';
import { searchTerms } from '../list-paging';
import { createStory, listStories, type StoryStore } from '../stories';
import { finishDraft, type ImportedDraft } from './draft';
import { checkImportContent } from './input';
import { parseNewsml } from './newsml';
import { parseNinjs } from './ninjs';
import { parseWireText } from './wire-text';

const PARSERS: Record<ImportFormat, (content: string) => ImportedDraft> = {
  text: parseWireText,
  ninjs: parseNinjs,
  newsml: parseNewsml,
};

/** More "Read also" lines than any story has: beyond these, lines stay placeholders unlooked-up. */
const MAX_LOOKUPS = 50;

/** Headlines compared as search compares them: folded, words only ("Café, Zürich" = "cafe zurich"). */
const sameWords = (a: string, b: string) => searchTerms(a).join(' ') === searchTerms(b).join(' ') && searchTerms(a).length > 0;

/**
 * Points each "Read also" placeholder at the story whose headline it names, when the importer
 * can see one (a published one first, else the latest changed); the rest stay placeholders.
 */
async function linkReadAlso(store: StoryStore, actor: SessionUser, body: DocumentJSON): Promise<ImportReport['readAlso']> {
  const result: ImportReport['readAlso'] = { linked: 0, placeholders: [] };
  const found = new Map<string, string | null>();
  for (const block of body.content ?? ([] as JSONContent[])) {
    if (block.type !== 'readAlso' || !block.attrs?.title) continue;
    const title = String(block.attrs.title);
    if (!found.has(title) && found.size < MAX_LOOKUPS) {
      const { items } = await listStories(store, actor, { q: title, scope: 'headline', limit: 20 });
      const matches = items.filter((story) => sameWords(story.headline, title));
      found.set(title, (matches.find((story) => story.status === 'published') ?? matches[0])?.id ?? null);
    }
    const storyId = found.get(title);
    if (storyId) {
      block.attrs = { ...block.attrs, storyId, title: null };
      result.linked++;
    } else result.placeholders.push(title);
  }
  return result;
}

/**
 * Wire copy → a new draft: checks the copy, parses it in the named format, links its "Read
 * also" lines, and creates the story (as the importer, who may create stories). Refused copy
 * creates nothing.
 */
export async function importStory(store: StoryStore, actor: SessionUser, input: { format: ImportFormat; content: string }): Promise<ImportResponse> {
  if (!can(actor, 'story:create')) throw forbidden('Your role cannot create stories, so it cannot import them');
  checkImportContent(input.content);
  const draft = PARSERS[input.format](input.content);
  const { fields, body } = finishDraft(draft);
  const readAlso = await linkReadAlso(store, actor, body);
  const story = await createStory(store, actor, { ...fields, body });
  return {
    story,
    report: { format: input.format, sourceDate: draft.sourceDate, readAlso, leadPhotoWanted: fields.leadPhoto !== null, notes: draft.notes },
  };
}
