import type { Selectable } from 'kysely';
import type { StoryEventsTable } from '../schema';
import type { Db } from '../transaction';

export type StoryEventRow = Selectable<StoryEventsTable>;

export async function insertStoryEvent(db: Db, row: StoryEventRow): Promise<void> {
  await db.insertInto('story_events').values(row).execute();
}

/** A story's log, oldest first, with the names of who did what. */
export function listStoryEvents(db: Db, storyId: string) {
  return db
    .selectFrom('story_events')
    .innerJoin('users', 'users.id', 'story_events.actor_id')
    .select([
      'story_events.id',
      'story_events.kind',
      'story_events.from_status',
      'story_events.to_status',
      'story_events.note',
      'story_events.revision',
      'story_events.at',
      'story_events.actor_id',
      'users.name as actor_name',
    ])
    .where('story_events.story_id', '=', storyId)
    .orderBy('story_events.at')
    .orderBy('story_events.id')
    .execute();
}
