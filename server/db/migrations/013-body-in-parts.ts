import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connection';

/**
 * A story's body moves out of its row into parts: runs of up to 16 top-level blocks, one row
 * each in `story_body_parts`, the row keeping their keys and block counts in order
 * (`stories.body_parts`). A save then rewrites the part it changed instead of the whole 70 KB
 * body (see server/db/body-parts.ts). Bodies are moved in batches, so a large newsroom's stories
 * are never all in memory at once.
 */
const PART_BLOCKS = 16;
const BATCH = 200;

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction (PostgreSQL's inside one): this one
  // takes its own there, so a run cut off partway leaves every body where it was.
  const run = async (trx: Kysely<any>) => {
    const { rows: columns } =
      dialect === 'sqlite'
        ? await sql<{ name: string }>`select name from pragma_table_info('stories') where name = 'body'`.execute(trx)
        : await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'stories' and column_name = 'body' and table_schema = current_schema()`.execute(trx);
    // Done already (cut off after this commit, before the migrator recorded it).
    if (columns.length === 0) return;
    await trx.schema
      .createTable('story_body_parts')
      .addColumn('story_id', 'text', (c) => c.notNull().references('stories.id'))
      .addColumn('part', 'integer', (c) => c.notNull())
      .addColumn('block_count', 'integer', (c) => c.notNull())
      // The JSON of the part's blocks, comma-separated: parts joined in order make the body's content.
      .addColumn('blocks', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('story_body_parts_pk', ['story_id', 'part'])
      .execute();
    if (dialect === 'postgres') {
      await sql`DO $$ BEGIN ALTER TABLE story_body_parts ALTER COLUMN blocks SET COMPRESSION lz4;
        EXCEPTION WHEN feature_not_supported OR syntax_error THEN NULL; END $$`.execute(trx);
    }
    await trx.schema.alterTable('stories').addColumn('body_parts', 'text', (c) => c.notNull().defaultTo('[]')).execute();
    for (let after = ''; ; ) {
      const stories = (await trx.selectFrom('stories').select(['id', 'body']).where('id', '>', after).orderBy('id').limit(BATCH).execute()) as Array<{ id: string; body: string }>;
      if (stories.length === 0) break;
      for (const story of stories) {
        const content = ((JSON.parse(story.body) as { content?: unknown[] }).content ?? []).map((block) => JSON.stringify(block));
        const parts: Array<{ story_id: string; part: number; block_count: number; blocks: string }> = [];
        for (let start = 0; start < content.length; start += PART_BLOCKS) {
          const blocks = content.slice(start, start + PART_BLOCKS);
          parts.push({ story_id: story.id, part: parts.length + 1, block_count: blocks.length, blocks: blocks.join(',') });
        }
        // One statement per story (a long one has ~40 parts).
        if (parts.length > 0) await trx.insertInto('story_body_parts').values(parts).execute();
        const outline = parts.map((part) => [part.part, part.block_count]);
        await trx.updateTable('stories').set({ body_parts: JSON.stringify(outline) }).where('id', '=', story.id).execute();
      }
      after = stories[stories.length - 1]!.id;
    }
    await trx.schema.alterTable('stories').dropColumn('body').execute();
  };
  if (dialect === 'sqlite') await db.transaction().execute(run);
  else await run(db);
}
