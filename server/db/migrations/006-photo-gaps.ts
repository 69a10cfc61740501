import type { Kysely } from 'kysely';
import type { DocumentJSON } from '../../../src/domain/document/types';
import type { LeadPhoto } from '../../../src/domain/story/fields';
import { photoGapCount } from '../../../src/domain/story/photo-gaps';

/** The photo desk's to-do per story: how many of its photos lack a caption, credit or alt text. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('stories').addColumn('photo_gaps', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  const rows = (await db.selectFrom('stories').select(['id', 'body', 'lead_photo']).execute()) as Array<{ id: string; body: string; lead_photo: string | null }>;
  for (const row of rows) {
    const gaps = photoGapCount(row.lead_photo ? (JSON.parse(row.lead_photo) as LeadPhoto) : null, JSON.parse(row.body) as DocumentJSON);
    if (gaps > 0) await db.updateTable('stories').set({ photo_gaps: gaps }).where('id', '=', row.id).execute();
  }
  await db.schema.createIndex('stories_photo_gaps').on('stories').columns(['photo_gaps', 'updated_at']).execute();
}
