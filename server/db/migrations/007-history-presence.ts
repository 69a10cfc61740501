import type { Kysely } from 'kysely';

/**
 * History and presence: a revision may carry a note ("Restored from revision 4"), and who has a
 * story open is kept per open editor with the time of its last heartbeat. Presence lives in the
 * database so that every API process sees the same people.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('story_revisions').addColumn('note', 'text').execute();
  await db.schema
    .createTable('story_presence')
    .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id').onDelete('cascade'))
    .addColumn('editor_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_presence_pk', ['story_id', 'editor_id'])
    .execute();
}
