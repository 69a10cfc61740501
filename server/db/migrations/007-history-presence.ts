import type { Kysely } from 'kysely';
import { foldForSearch } from '../../../src/domain/document/text';

/**
 * History and presence: a revision may carry a note ("Restored from revision 4"), and who has a
 * story open is kept per open editor with the time of its last heartbeat. Presence lives in the
 * database so that every API process sees the same people. The photo library's search also
 * reads file names from now on.
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
  const photos = (await db.selectFrom('photos').select(['id', 'caption', 'credit', 'creator', 'original_name']).execute()) as Array<Record<string, string>>;
  for (const photo of photos) {
    const searchText = foldForSearch(`${photo.caption}\n${photo.credit}\n${photo.creator}\n${photo.original_name}`);
    await db.updateTable('photos').set({ search_text: searchText }).where('id', '=', photo.id).execute();
  }
}
