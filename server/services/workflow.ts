import { randomUUID } from 'node:crypto';
import type { Story, StoryEvent } from '../../src/domain/api/stories';
import type { SessionUser } from '../../src/domain/api/users';
import type { TransitionInput } from '../../src/domain/api/transitions';
import { can, canTransition } from '../../src/domain/auth/permissions';
import { storyReferences } from '../../src/domain/document/references';
import { failedItems, publishChecklist, type ChecklistItem } from '../../src/domain/story/checklist';
import { STATUS_LABELS, type StoryStatus } from '../../src/domain/story/status';
import { findTransition } from '../../src/domain/story/workflow';
import { keepWhole } from '../db/repositories/revision-fields';
import { findStoryRefs } from '../db/repositories/stories';
import { insertStoryEvent, listStoryEvents } from '../db/repositories/story-events';
import { inTransaction } from '../db/transaction';
import { AppError, conflict, forbidden, validationFailed } from '../errors';
import { visibleStory, type StoryStore } from './stories';

/** How far ahead a story may be scheduled: at least a minute ("now" has passed by the time it is saved), at most a year. */
const MIN_SCHEDULE_AHEAD_MS = 60 * 1000;
const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * The publish checklist for a story. Every linked story counts for pass or fail; the problem
 * text names only those the viewer may see (`viewer` null: the scheduler, which shows no one).
 */
export async function runChecklist(store: StoryStore, story: Story, viewer: SessionUser | null): Promise<ChecklistItem[]> {
  const refs = await findStoryRefs(store.db, storyReferences(story.body));
  const linked = new Map(
    refs.map((ref) => {
      const visible = viewer === null || can(viewer, 'story:view', { status: ref.status as StoryStatus, authorIds: ref.authorIds });
      return [
        ref.id,
        {
          id: ref.id,
          slug: ref.slug,
          status: ref.status as StoryStatus,
          headline: visible ? ref.headline : 'a story you cannot see',
          publishedAt: ref.published_at,
          updatedAt: ref.updated_at,
        },
      ];
    }),
  );
  return publishChecklist(story, linked);
}

function checklistRefusal(failed: ChecklistItem[]) {
  return new AppError(422, 'checklist_failed', `The publish checklist is not complete: ${failed.map((item) => item.problem).join('; ')}`, {
    items: failed.map(({ id, label, problem, target }) => ({ id, label, problem, target })),
  });
}

/**
 * Moves a story through the workflow, exactly as the shared rules allow: the move must exist,
 * the role may make it, a send-back carries a note, scheduling a time, approving and publishing
 * pass the checklist. Every move is written to the story's log.
 */
export async function transitionStory(store: StoryStore, actor: SessionUser, id: string, input: TransitionInput, now = new Date()): Promise<Story> {
  const { story } = await visibleStory(store, actor, id);
  const { to } = input;
  const transition = findTransition(story.status, to);
  if (!transition) {
    throw conflict(`The story is ${STATUS_LABELS[story.status].toLowerCase()}; it cannot be moved to ${STATUS_LABELS[to].toLowerCase()}`, { story });
  }
  if (!canTransition(actor, story, to)) throw forbidden(`You cannot ${transition.label.toLowerCase()} this story`);
  const note = input.note?.trim() || null;
  if (transition.requiresNote && !note) throw validationFailed('note: say why the story goes back, so its author knows what to do');
  let scheduledAt: string | null = null;
  if (transition.requiresTime) {
    if (!input.scheduledAt) throw validationFailed('scheduledAt: give the time to publish');
    const at = new Date(input.scheduledAt);
    if (at.getTime() < now.getTime() + MIN_SCHEDULE_AHEAD_MS) throw validationFailed('scheduledAt: the time must be at least a minute from now');
    if (at.getTime() > now.getTime() + MAX_SCHEDULE_AHEAD_MS) throw validationFailed('scheduledAt: the time can be at most a year from now');
    scheduledAt = at.toISOString();
  }
  if (transition.runsChecklist) {
    const failed = failedItems(await runChecklist(store, story, actor));
    if (failed.length > 0) throw checklistRefusal(failed);
  }

  const at = now.toISOString();
  const publishing = to === 'published';
  const changes = {
    status: to,
    updated_at: at,
    scheduled_at: scheduledAt,
    // What the chief editor approved is what a schedule publishes; leaving approval forgets it.
    ...(to === 'approved' || to === 'scheduled' ? (story.status === 'scheduled' && to === 'approved' ? {} : { approved_revision: story.revision }) : { approved_revision: null }),
    ...(publishing ? { live_revision: story.revision, published_at: story.publishedAt ?? at } : {}),
  };
  const moved = await inTransaction(store.db, async (trx) => {
    const result = await trx.updateTable('stories').set(changes).where('id', '=', id).where('status', '=', story.status).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    // What readers see is read often: kept whole, not as changes (see revision-fields.ts).
    if (publishing) await keepWhole(trx, id, story.revision);
    await insertStoryEvent(trx, {
      id: randomUUID(),
      story_id: id,
      kind: 'transition',
      from_status: story.status,
      to_status: to,
      note,
      revision: story.revision,
      actor_id: actor.id,
      at,
    });
    return true;
  });
  if (!moved) throw conflict('Someone else moved this story at the same moment; reload to see where it is now');
  return {
    ...story,
    status: to,
    updatedAt: at,
    scheduledAt,
    ...(publishing ? { liveRevision: story.revision, publishedAt: story.publishedAt ?? at } : {}),
  };
}

/**
 * Makes the working copy of a published story live: a correction, recorded as such with its
 * note. Chief editors only; the checklist runs again.
 */
export async function publishUpdate(store: StoryStore, actor: SessionUser, id: string, note: string | undefined, now = new Date()): Promise<Story> {
  const { story } = await visibleStory(store, actor, id);
  if (!can(actor, 'story:publishUpdate', story)) throw forbidden('Only a chief editor can publish an update to a published story');
  if (story.status !== 'published') throw conflict('Only a published story has updates to publish', { story });
  if (story.liveRevision === story.revision) throw conflict('There are no changes waiting to go live', { story });
  const text = note?.trim();
  if (!text) throw validationFailed('note: say what the correction changes; readers and the log will show it');
  const failed = failedItems(await runChecklist(store, story, actor));
  if (failed.length > 0) throw checklistRefusal(failed);
  const at = now.toISOString();
  const done = await inTransaction(store.db, async (trx) => {
    const result = await trx
      .updateTable('stories')
      .set({ live_revision: story.revision, updated_at: at })
      .where('id', '=', id)
      .where('revision', '=', story.revision)
      .where('status', '=', 'published')
      // Two chief editors at once: only one correction for one update.
      .where('live_revision', '=', story.liveRevision)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    await keepWhole(trx, id, story.revision);
    await insertStoryEvent(trx, {
      id: randomUUID(),
      story_id: id,
      kind: 'correction',
      from_status: 'published',
      to_status: 'published',
      note: text,
      revision: story.revision,
      actor_id: actor.id,
      at,
    });
    return true;
  });
  if (!done) throw conflict('The story changed while the update was being published; look at it again');
  return { ...story, liveRevision: story.revision, updatedAt: at };
}

export async function storyEvents(store: StoryStore, actor: SessionUser, id: string): Promise<StoryEvent[]> {
  await visibleStory(store, actor, id);
  const rows = await listStoryEvents(store.db, id);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as StoryEvent['kind'],
    from: row.from_status as StoryStatus,
    to: row.to_status as StoryStatus,
    note: row.note,
    revision: row.revision,
    at: row.at,
    actor: { id: row.actor_id, name: row.actor_name },
  }));
}

export async function storyChecklist(store: StoryStore, actor: SessionUser, id: string): Promise<ChecklistItem[]> {
  const { story } = await visibleStory(store, actor, id);
  return runChecklist(store, story, actor);
}
