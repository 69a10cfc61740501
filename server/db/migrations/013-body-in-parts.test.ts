import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentJSON } from '../../../src/domain/document/types';
import type { Dialect } from '../connection';
import { migrateToLatest, migrateUpTo } from '../migrate';
import { findStory } from '../repositories/stories';
import { planBodyWrite } from '../body-parts';
import { up as migration013 } from './013-body-in-parts';
import { createAccount } from '../../services/accounts';
import { openScratchDatabase, testDialects, type ScratchDatabase } from '../../test/harness';

const paragraph = (id: string, text: string) => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });
const bodyOf = (blocks: number): DocumentJSON => ({ type: 'doc', content: Array.from({ length: blocks }, (_, index) => paragraph(`p${index}`, `Paragraph "${index}" — with quotes, dashes and é.`)) });

describe.each(testDialects())('a database from before the body was stored in parts, on %s', (dialect: Dialect) => {
  let scratch: ScratchDatabase | undefined;
  afterEach(async () => {
    await scratch?.drop();
    scratch = undefined;
  });

  /** A database as the release before left it, with stories of 0, 1 and 40 blocks. */
  async function olderDatabase(): Promise<Kysely<any>> {
    scratch = await openScratchDatabase(dialect);
    const { db } = scratch.database;
    await migrateUpTo(db, dialect, '012-sqlite-search-off-row');
    const author = await createAccount(db, null, { email: 'old@example.org', name: 'Old Release', password: 'old-release-passphrase-1', role: 'reporter' });
    const now = new Date().toISOString();
    const story = (id: string, body: DocumentJSON) => ({
      id, slug: id, status: 'draft', headline: id, standfirst: '', byline: 'Old Release', dateline: '', section: null, tags: '[]',
      seo_title: '', seo_description: '', lead_photo: null, body: JSON.stringify(body), search_text: '', search_headline: id,
      word_count: 3, revision: 1, live_revision: null, created_by: author.id, created_at: now, updated_at: now, published_at: null, scheduled_at: null,
    });
    const old = db as Kysely<any>;
    await old.insertInto('stories').values([story('empty', { type: 'doc', content: [] }), story('short', bodyOf(1)), story('long', bodyOf(40))]).execute();
    return old;
  }

  async function expectBodies() {
    const { db } = scratch!.database;
    for (const [id, blocks] of [['empty', 0], ['short', 1], ['long', 40]] as const) {
      const found = (await findStory(db, dialect, id))!;
      expect(found.story.body, id).toEqual(blocks === 0 ? { type: 'doc', content: [] } : bodyOf(blocks));
      const parts = await db.selectFrom('story_body_parts').select(['part', 'block_count']).where('story_id', '=', id).orderBy('part').execute();
      expect(parts.map((part) => Number(part.block_count)), id).toEqual(blocks === 40 ? [16, 16, 8] : blocks === 1 ? [1] : []);
      // A save on it writes the part it changed.
      const content = [...found.story.body.content!];
      if (content.length > 0) {
        content[content.length - 1] = paragraph('new', 'Typed after the upgrade');
        const write = planBodyWrite({ body: found.story.body, outline: found.row.body_parts }, { type: 'doc', content });
        expect(write!.upserts.map((part) => part.block_count)).toEqual([parts[parts.length - 1]!.block_count]);
      }
    }
  }

  it('moves every body into parts that read back as it was, and drops the column', async () => {
    const db = await olderDatabase();
    await migrateToLatest(scratch!.database.db, dialect);
    await expectBodies();
    const { rows } =
      dialect === 'sqlite'
        ? await sql<{ name: string }>`select name from pragma_table_info('stories') where name = 'body'`.execute(db)
        : await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'stories' and column_name = 'body' and table_schema = current_schema()`.execute(db);
    expect(rows).toEqual([]);
  });

  if (dialect === 'sqlite') {
    it('runs again harmlessly when it was cut off after its work, before it was recorded', async () => {
      const db = await olderDatabase();
      await migration013(db, 'sqlite');
      await migrateToLatest(scratch!.database.db, 'sqlite');
      await expectBodies();
    });

    it('leaves every body where it was when it fails partway (its statements are one transaction)', async () => {
      const db = await olderDatabase();
      // A view on the old column makes its drop, the last step, fail: after every part was written.
      await sql`CREATE VIEW old_bodies AS SELECT id, body FROM stories`.execute(db);
      await expect(migrateToLatest(scratch!.database.db, 'sqlite')).rejects.toThrow(/013-body-in-parts/);
      await sql`DROP VIEW old_bodies`.execute(db);
      const { rows: tables } = await sql<{ name: string }>`select name from sqlite_master where name = 'story_body_parts'`.execute(db);
      expect(tables).toEqual([]);
      const row = await db.selectFrom('stories').select('body').where('id', '=', 'long').executeTakeFirstOrThrow();
      expect(JSON.parse(row.body as string)).toEqual(bodyOf(40));
      await migrateToLatest(scratch!.database.db, 'sqlite');
      await expectBodies();
    });
  }
});
