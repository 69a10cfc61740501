import type { Kysely } from 'kysely';

/** The audit log of each story: every transition, publication and correction, by whom, when, with the note. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('story_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('story_events_story').on('story_events').columns(['story_id', 'at']).execute();
}
