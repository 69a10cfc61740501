import { randomUUID } from 'node:crypto';
import { failedItems } from '../../src/domain/story/checklist';
import { keepWhole, revisionFields } from '../db/repositories/revision-fields';
import { loadStory } from '../db/repositories/stories';
import { insertStoryEvent } from '../db/repositories/story-events';
import { inTransaction } from '../db/transaction';
import type { StoryStore } from './stories';
import { runChecklist } from './workflow';

export interface ScheduleOutcome {
  published: string[];
  /** Due but refused by the checklist (the story went back to approved, with a note why). */
  held: string[];
}

/**
 * Publishes every scheduled story whose time has come. Each one is claimed by a conditional
 * update, so however many API processes run this at once (and however often after a restart),
 * a story is published exactly once. The checklist runs again: the story may have been edited
 * since it was scheduled.
 */
export async function publishDueStories(store: StoryStore, now = new Date(), log: (error: unknown) => void = () => {}): Promise<ScheduleOutcome> {
  const at = now.toISOString();
  const due = await store.db
    .selectFrom('stories')
    .select(['id'])
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', at)
    .orderBy('scheduled_at')
    .execute();
  const outcome: ScheduleOutcome = { published: [], held: [] };
  for (const { id } of due) {
    // One story's trouble must not hold up the rest of the schedule.
    try {
      const result = await publishIfDue(store, id, at);
      if (result) outcome[result].push(id);
    } catch (error) {
      log(error);
    }
  }
  return outcome;
}

/**
 * Publishes what the chief editor approved when scheduling (later edits wait as an update, as
 * after any publication), if it still passes the checklist; otherwise back to approved, saying why.
 */
async function publishIfDue(store: StoryStore, id: string, at: string): Promise<'published' | 'held' | null> {
  const story = await loadStory(store.db, store.dialect, id);
  const row = await store.db.selectFrom('stories').select('approved_revision').where('id', '=', id).executeTakeFirst();
  if (!story || story.status !== 'scheduled' || !row) return null;
  const approvedRevision = row.approved_revision ?? story.revision;
  const snapshot = await revisionFields(store.db, id, approvedRevision);
  if (!snapshot) throw new Error(`The approved revision ${approvedRevision} of story ${id} is not kept`);
  const approved = { ...story, ...snapshot };
  // Whoever scheduled it answers for it in the log.
  const scheduler = await store.db
    .selectFrom('story_events')
    .select('actor_id')
    .where('story_id', '=', id)
    .where('to_status', '=', 'scheduled')
    .orderBy('at', 'desc')
    .executeTakeFirst();
  const actorId = scheduler?.actor_id ?? story.authorIds[0];
  const failed = failedItems(await runChecklist(store, approved, null));
  const publish = failed.length === 0;
  const claimed = await inTransaction(store.db, async (trx) => {
    const result = await trx
      .updateTable('stories')
      .set(
        publish
          ? { status: 'published', live_revision: approvedRevision, published_at: story.publishedAt ?? at, scheduled_at: null, updated_at: at }
          : { status: 'approved', scheduled_at: null, updated_at: at },
      )
      .where('id', '=', id)
      .where('status', '=', 'scheduled')
      .where('scheduled_at', '<=', at)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    if (publish) await keepWhole(trx, id, approvedRevision);
    await insertStoryEvent(trx, {
      id: randomUUID(),
      story_id: id,
      kind: 'transition',
      from_status: 'scheduled',
      to_status: publish ? 'published' : 'approved',
      note: publish ? 'Published at the scheduled time' : `Not published at the scheduled time: ${failed.map((item) => item.problem).join('; ')}`,
      revision: approvedRevision,
      actor_id: actorId,
      at,
    });
    return true;
  });
  return claimed ? (publish ? 'published' : 'held') : null;
}

/** Checks for due stories now and every `intervalMs`; returns a function that stops it. */
export function startScheduler(store: StoryStore, log: (error: unknown) => void, intervalMs = 15_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await publishDueStories(store, new Date(), log);
    } catch (error) {
      log(error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
