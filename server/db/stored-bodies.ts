import type { Kysely } from 'kysely';
import type { DocumentJSON } from '../../src/domain/document/types';
import type { Story } from '../../src/domain/api/stories';
import type { FoundRow } from './repositories/stories';
import type { Database } from './schema';
import type { Db } from './transaction';
import { blockText, deepFreeze } from './body-parts';

/*
 * The stories being edited, body and row as last stored, kept in memory by revision: a save then
 * neither reads nor parses the 70 KB body it is about to change, and writes again only the parts
 * of it whose blocks changed (see body-parts.ts).
 *
 * Safe because a story's body at a revision never changes: only a save writes the body, and a
 * save always takes the next revision, written only if the story is still at the one it read
 * (`updateStoryIfRevision`). The row's `updated_at` is part of the key as well, so a database
 * restored from a backup behind a running process cannot be mistaken for what was cached.
 * Every process keeps its own, and the database says which revision is current on every read,
 * so several processes on one PostgreSQL stay right (a miss just reads the body).
 *
 * Anything else that ever rewrites a body (a migration, say) must also change `updated_at`, or
 * running processes go on answering with the body they hold.
 *
 * Only committed bodies enter it: nothing is remembered or consulted inside a caller's
 * transaction, which could still roll back (or see its own uncommitted writes).
 */

/**
 * A story as stored, and the row it came from (its revision, last change and how its body is
 * cut into parts), as this process last read or saved it; frozen once remembered, and shared by every
 * request that reads it. A save made on it is written without reading the story first, on the
 * condition that the row is still as it was (see `saveStory`).
 */
export interface KnownStory {
  row: FoundRow;
  story: Story;
}

/** A copy of a story and its row to remember: what the caller holds stays the caller's (remembering freezes it). */
export function knownStory(row: KnownStory['row'], story: Story): KnownStory {
  return {
    row: { ...row },
    story: { ...story, tags: [...story.tags], authorIds: [...story.authorIds], leadPhoto: story.leadPhoto ? { ...story.leadPhoto } : null },
  };
}

/** Stories whose bodies are kept: enough for a busy desk's open stories, about 0.5 MB each. */
const KEPT_STORIES = 64;

class StoredBodies {
  private readonly byStory = new Map<string, KnownStory>();

  get(storyId: string): KnownStory | undefined {
    return this.byStory.get(storyId);
  }

  remember(storyId: string, stored: KnownStory) {
    const known = this.byStory.get(storyId);
    // A slow read must not replace a newer save's body (a miss would follow, not a wrong body, but still).
    if (known && known.row.revision > stored.row.revision) return;
    deepFreeze(stored);
    // Map order is insertion order: re-inserting keeps the most recently used last.
    this.byStory.delete(storyId);
    this.byStory.set(storyId, stored);
    if (this.byStory.size > KEPT_STORIES) this.byStory.delete(this.byStory.keys().next().value!);
  }
}

const caches = new WeakMap<Kysely<Database>, StoredBodies>();

/** The stored bodies kept for this database; none inside a transaction (see above). */
export function storedBodies(db: Db): StoredBodies | null {
  if (db.isTransaction) return null;
  const root = db as Kysely<Database>;
  let cache = caches.get(root);
  if (!cache) caches.set(root, (cache = new StoredBodies()));
  return cache;
}

/**
 * `JSON.stringify(body)`, serialising only blocks not serialised before (`blockText`): a
 * whole snapshot of a long story joins the text of blocks mostly serialised by earlier saves.
 */
export function bodyText(body: DocumentJSON): string {
  const content = body.content;
  // Any other shape (attributes on the document) is serialised whole.
  if (!Array.isArray(content) || Object.keys(body).length !== 2 || Object.keys(body)[0] !== 'type') return JSON.stringify(body);
  return `{"type":${JSON.stringify(body.type)},"content":[${content.map(blockText).join(',')}]}`;
}
