import { diffWordsWithSpace } from 'diff';
import type { SessionUser } from '../../src/domain/api/users';
import { documentText } from '../../src/domain/document/text';
import type { DocumentJSON } from '../../src/domain/document/types';
import type { FieldChange, PendingChangesResponse } from '../../src/domain/story/changes';
import { conflict } from '../errors';
import { visibleStory, type StoryStore } from './stories';

const COMPARED: Array<{ field: FieldChange['field']; label: string }> = [
  { field: 'headline', label: 'Headline' },
  { field: 'standfirst', label: 'Standfirst' },
  { field: 'byline', label: 'Byline' },
  { field: 'dateline', label: 'Dateline' },
  { field: 'body', label: 'Text' },
];

/**
 * What publishing the update of a published story would change for readers: a word-level diff
 * (jsdiff) of the live revision against the working copy, field by field, unchanged fields left out.
 */
export async function pendingChanges(store: StoryStore, actor: SessionUser, id: string): Promise<PendingChangesResponse> {
  const { story } = await visibleStory(store, actor, id);
  if (story.liveRevision === null) throw conflict('The story has never been published: everything in it is new');
  const row = await store.db
    .selectFrom('story_revisions')
    .select('snapshot')
    .where('story_id', '=', id)
    .where('revision', '=', story.liveRevision)
    .executeTakeFirstOrThrow();
  const live = JSON.parse(row.snapshot) as Record<string, unknown>;
  const text = (source: Record<string, unknown>, field: FieldChange['field']) =>
    field === 'body' ? documentText(source.body as DocumentJSON) : String(source[field] ?? '');
  const working = story as unknown as Record<string, unknown>;
  const changes: FieldChange[] = [];
  for (const { field, label } of COMPARED) {
    const before = text(live, field);
    const after = text(working, field);
    if (before === after) continue;
    changes.push({ field, label, parts: diffWordsWithSpace(before, after).map(({ value, added, removed }) => ({ value, ...(added ? { added } : {}), ...(removed ? { removed } : {}) })) });
  }
  return { liveRevision: story.liveRevision, revision: story.revision, changes };
}
