import { createStore, del, getMany, keys, set, type UseStore } from 'idb-keyval';
import type { StoryFields } from '../domain/story/fields';

/**
 * The local journal: what an open editor has changed and the server has not yet acknowledged,
 * kept in IndexedDB on this device. It is written before each save is sent (and shortly after
 * typing pauses), cleared when the server has it all, and read when the story is opened again:
 * after a crash, a closed tab or a reload while offline, the unsent changes come back and are sent.
 *
 * Each open editor (tab) keeps its own entry and holds a Web Lock while it is open, so a story
 * opened in a second tab does not take over the first tab's changes: only entries whose editor
 * is gone are restored.
 */
export interface JournalEntry {
  storyId: string;
  userId: string;
  /** The editor (tab) that made the changes. */
  editorId: string;
  /** The revision the changes were made on: the server merges them against it. */
  baseRevision: number;
  /** The changed fields, whole (the body as a document). */
  changes: Partial<StoryFields>;
  /** How many edits the changes hold, for the status line. */
  count: number;
  savedAt: string;
}

let store: UseStore | null = null;
/** Null where the browser has no IndexedDB (private modes of some browsers): the journal is then off. */
function journalStore(): UseStore | null {
  if (typeof indexedDB === 'undefined') return null;
  store ??= createStore('newsdesk-journal', 'changes');
  return store;
}

const storyPrefix = (userId: string, storyId: string) => `${userId}:${storyId}:`;
export const journalKey = (entry: Pick<JournalEntry, 'userId' | 'storyId' | 'editorId'>) => `${storyPrefix(entry.userId, entry.storyId)}${entry.editorId}`;
const lockName = (editorId: string) => `newsdesk-editor:${editorId}`;

/** Holds this editor's lock while it is open (its journal entry is then not another tab's to restore). Returns the release. */
export function holdEditorLock(editorId: string): () => void {
  if (typeof navigator === 'undefined' || !navigator.locks) return () => undefined;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  void navigator.locks.request(lockName(editorId), () => held).catch(() => undefined);
  return () => release();
}

/** The newest entry for this story left by an editor that is no longer open, if any. */
export async function readOrphanedJournal(userId: string, storyId: string): Promise<{ key: string; entry: JournalEntry } | undefined> {
  const target = journalStore();
  if (!target) return undefined;
  try {
    // Keys first: only this story's entries are read (each holds a whole body).
    const prefix = storyPrefix(userId, storyId);
    const mineKeys = (await keys<string>(target)).filter((key) => typeof key === 'string' && key.startsWith(prefix));
    if (mineKeys.length === 0) return undefined;
    const values = await getMany<JournalEntry>(mineKeys, target);
    const mine = mineKeys.flatMap((key, index): Array<[string, JournalEntry]> => (values[index] ? [[key, values[index]]] : []));
    const live = new Set(
      typeof navigator !== 'undefined' && navigator.locks ? ((await navigator.locks.query()).held ?? []).map((lock) => lock.name) : [],
    );
    const orphans = mine.filter(([, entry]) => !live.has(lockName(entry.editorId)));
    orphans.sort(([, a], [, b]) => b.savedAt.localeCompare(a.savedAt));
    const newest = orphans[0];
    return newest && { key: newest[0], entry: newest[1] };
  } catch {
    return undefined;
  }
}

export async function writeJournal(entry: JournalEntry): Promise<void> {
  const target = journalStore();
  if (target) await set(journalKey(entry), entry, target);
}

export async function deleteJournalEntry(key: string): Promise<void> {
  const target = journalStore();
  if (target) await del(key, target);
}
