import type { Kysely } from 'kysely';
import type { Dialect } from '../connection';

/** The photo library, and each story's lead photo. */
export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('photos')
    // SHA-256 of the original file: the same bytes are the same photo.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('credit', 'text', (c) => c.notNull())
    .addColumn('creator', 'text', (c) => c.notNull())
    .addColumn('copyright', 'text', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The library lists the newest upload first (keyset pagination on created_at, id).
  await db.schema.createIndex('photos_created').on('photos').columns(['created_at', 'id']).execute();

  // JSON: { photoId, caption, credit, alt } or null.
  await db.schema.alterTable('stories').addColumn('lead_photo', 'text').execute();
}
