import type { Db } from '../transaction';

/** Records that an editor has the story open now (insert, or refresh its time). */
export async function touchPresence(db: Db, row: { story_id: string; editor_id: string; user_id: string; seen_at: string }): Promise<void> {
  await db
    .insertInto('story_presence')
    .values(row)
    .onConflict((conflict) =>
      // An editor id is only ever refreshed by the user who took it.
      conflict.columns(['story_id', 'editor_id']).doUpdateSet({ seen_at: row.seen_at }).where('story_presence.user_id', '=', row.user_id),
    )
    .execute();
}

/** Forgets editors of a story not heard from since `cutoff`. */
export async function forgetSilentEditors(db: Db, storyId: string, cutoff: string): Promise<void> {
  await db.deleteFrom('story_presence').where('story_id', '=', storyId).where('seen_at', '<', cutoff).execute();
}

/** The editors on a story, with who they are. */
export function listPresence(db: Db, storyId: string) {
  return db
    .selectFrom('story_presence')
    .innerJoin('users', 'users.id', 'story_presence.user_id')
    .select(['story_presence.editor_id', 'story_presence.user_id', 'users.name', 'users.role'])
    .where('story_presence.story_id', '=', storyId)
    .orderBy('users.name')
    .execute();
}

/** An editor left: only its own row goes (another user cannot end someone's presence). */
export async function removePresence(db: Db, storyId: string, editorId: string, userId: string): Promise<void> {
  await db.deleteFrom('story_presence').where('story_id', '=', storyId).where('editor_id', '=', editorId).where('user_id', '=', userId).execute();
}
