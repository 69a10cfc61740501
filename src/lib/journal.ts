import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { StoryFields } from '../domain/story/fields';

/**
 * The local journal: what an open editor has changed and the server has not yet acknowledged,
 * kept in IndexedDB on this device. It is written before each save is sent (and shortly after
 * typing pauses), cleared when the server has it all, and read when the story is opened again:
 * after a crash, a closed tab or a reload while offline, the unsent changes come back and are sent.
 */
export interface JournalEntry {
  storyId: string;
  userId: string;
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

const keyOf = (userId: string, storyId: string) => `${userId}:${storyId}`;

export async function readJournal(userId: string, storyId: string): Promise<JournalEntry | undefined> {
  const target = journalStore();
  if (!target) return undefined;
  try {
    return await get<JournalEntry>(keyOf(userId, storyId), target);
  } catch {
    return undefined;
  }
}

export async function writeJournal(entry: JournalEntry): Promise<void> {
  const target = journalStore();
  if (target) await set(keyOf(entry.userId, entry.storyId), entry, target);
}

export async function clearJournal(userId: string, storyId: string): Promise<void> {
  const target = journalStore();
  if (target) await del(keyOf(userId, storyId), target);
}
