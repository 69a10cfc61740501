import { PRESENCE, type PresenceResponse, type PresentEditor } from '../../src/domain/api/presence';
import type { SessionUser } from '../../src/domain/api/users';
import { forgetSilentEditors, listPresence, removePresence, touchPresence } from '../db/repositories/presence';
import { visibleStory, type StoryStore } from './stories';

/**
 * An open editor's heartbeat: it is here now. Answers who else is (one entry per person, however
 * many tabs) and the story's revision, so an editor that is behind takes in the newer saves.
 */
export async function heartbeat(store: StoryStore, actor: SessionUser, storyId: string, editorId: string, now = new Date()): Promise<PresenceResponse> {
  const { story } = await visibleStory(store, actor, storyId);
  await forgetSilentEditors(store.db, storyId, new Date(now.getTime() - PRESENCE.goneAfterMs).toISOString());
  await touchPresence(store.db, { story_id: storyId, editor_id: editorId, user_id: actor.id, seen_at: now.toISOString() });
  const byUser = new Map<string, PresentEditor>();
  for (const row of await listPresence(store.db, storyId)) {
    if (row.editor_id === editorId) continue;
    const entry = byUser.get(row.user_id) ?? { userId: row.user_id, name: row.name, role: row.role, editors: 0 };
    entry.editors++;
    byUser.set(row.user_id, entry);
  }
  return { revision: story.revision, present: [...byUser.values()] };
}

/** The editor closed: it is gone at once, not after the timeout. */
export async function leave(store: StoryStore, actor: SessionUser, storyId: string, editorId: string): Promise<void> {
  await visibleStory(store, actor, storyId);
  await removePresence(store.db, storyId, editorId, actor.id);
}
