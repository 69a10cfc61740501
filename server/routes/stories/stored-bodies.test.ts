import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Story } from '../../../src/domain/api/stories';
import type { DocumentJSON } from '../../../src/domain/document/types';
import { buildApp } from '../../app';
import type { DatabaseHandle } from '../../db/connection';
import { ApiClient, startTestApp, TEST_PASSWORDS, testDialects, type TestApp } from '../../test/harness';
import { revisionFields, WHOLE_SNAPSHOT_EVERY } from '../../db/repositories/revision-fields';

// The server keeps the bodies of stories being edited in memory by revision (db/stored-bodies.ts).
// These tests hold it to what the database stores, with a second process writing the same stories.

const paragraph = (id: string, text: string) => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text }] });
const bodyOf = (texts: Record<string, string>): DocumentJSON => ({ type: 'doc', content: Object.entries(texts).map(([id, text]) => paragraph(id, text)) });
const texts = (body: DocumentJSON) => body.content!.map((block) => `${block.attrs!.id}: ${block.content?.[0]?.text ?? ''}`);

describe.each(testDialects())('bodies kept in memory, on %s', (dialect) => {
  let t: TestApp;
  // A second process on the same database.
  let other: { app: FastifyInstance; database: DatabaseHandle };
  let reporter: ApiClient;
  let editorHere: ApiClient;
  let editorThere: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const database = t.reopen();
    other = { app: await buildApp({ config: t.config, database }), database };
    [reporter, editorHere] = await Promise.all([t.as('reporter'), t.as('editor')]);
    editorThere = new ApiClient(other.app);
    expect((await editorThere.logIn(t.accounts.editor.email, TEST_PASSWORDS.editor)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await other.app.close();
    await other.database.close();
    await t.close();
  });

  // One open editor per client.
  const editorIdOf = (client: ApiClient) => (client === reporter ? 'reporter-tab' : client === editorHere ? 'desk-tab-here' : 'desk-tab-there');
  const save = (client: ApiClient, id: string, base: number, changes: Record<string, unknown>) =>
    client.patch(`/api/stories/${id}`, changes, { 'if-match': `"${base}"`, 'x-editor-id': editorIdOf(client) });
  const read = async (client: ApiClient, id: string) => (await client.get(`/api/stories/${id}`)).json() as Story;
  /** The body and revision as stored, read by SQL (nothing of the app in between): the parts in their outline's order. */
  async function stored(id: string) {
    const { rows } = await sql<{ body_parts: string; revision: number }>`select body_parts, revision from stories where id = ${id}`.execute(t.database.db);
    const { rows: parts } = await sql<{ part: number; block_count: number; blocks: string }>`select part, block_count, blocks from story_body_parts where story_id = ${id}`.execute(t.database.db);
    const outline = JSON.parse(rows[0]!.body_parts) as Array<[number, number]>;
    // Every part is in the outline, and each holds the blocks the outline says.
    expect(parts.map((part) => Number(part.part)).sort()).toEqual(outline.map(([key]) => key).sort());
    const content = outline.flatMap(([key, count]) => {
      const blocks = JSON.parse(`[${parts.find((part) => Number(part.part) === key)!.blocks}]`) as unknown[];
      expect(blocks).toHaveLength(count);
      return blocks;
    });
    return { revision: Number(rows[0]!.revision), body: { type: 'doc', content } as DocumentJSON };
  }
  async function expectBothProcessesToShowStored(id: string) {
    const want = await stored(id);
    for (const client of [editorHere, editorThere]) {
      const story = await read(client, id);
      expect({ revision: story.revision, body: story.body }).toEqual(want);
    }
    return want;
  }

  it('reads what another process saved since, and patches on top of it', async () => {
    const created = await reporter.post('/api/stories', { headline: 'Ferry timetable', body: bodyOf({ a: 'a', b: 'b', c: 'c' }) });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as Story;
    const order = ['a', 'b', 'c'];

    // Here: revision 2, kept in this process's memory.
    expect((await save(editorHere, id, 1, { bodyPatch: { order, blocks: [paragraph('a', 'a here')] } })).statusCode).toBe(200);
    expect(texts((await read(editorHere, id)).body)).toEqual(['a: a here', 'b: b', 'c: c']);
    // There: revision 3, on the other process.
    const there = await save(editorThere, id, 2, { bodyPatch: { order, blocks: [paragraph('b', 'b there')] } });
    expect(there.statusCode, there.body).toBe(200);
    // Here again: the read shows revision 3, and a patch on 3 keeps the other process's words.
    expect(texts((await read(editorHere, id)).body)).toEqual(['a: a here', 'b: b there', 'c: c']);
    const again = await save(editorHere, id, 3, { bodyPatch: { order, blocks: [paragraph('c', 'c here')] } });
    expect(again.statusCode, again.body).toBe(200);
    const want = await expectBothProcessesToShowStored(id);
    expect(texts(want.body)).toEqual(['a: a here', 'b: b there', 'c: c here']);
    // The revision's snapshot is the same body.
    expect((await editorThere.get(`/api/stories/${id}/revisions/4`)).json().fields.body).toEqual(want.body);
  });

  // A save on top of this process's own last save is written without reading the story first,
  // on the condition that the row is still at that revision, status and last change.
  it('merges a save made on its own last revision with what another process saved since, without a read in between', async () => {
    const created = await reporter.post('/api/stories', { headline: 'Tram depot', body: bodyOf({ a: 'a', b: 'b' }) });
    const { id } = created.json() as Story;
    expect((await save(editorHere, id, 1, { bodyPatch: { blocks: [paragraph('a', 'a here')] } })).statusCode).toBe(200);
    expect((await save(editorThere, id, 2, { bodyPatch: { blocks: [paragraph('b', 'b there')] } })).statusCode).toBe(200);
    // Here, still on revision 2 as this process last saved it.
    const merged = await save(editorHere, id, 2, { bodyPatch: { blocks: [paragraph('a', 'a here again')] } });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ revision: 4, merged: true });
    expect(texts((merged.json() as Story).body)).toEqual(['a: a here again', 'b: b there']);
    expect(texts((await expectBothProcessesToShowStored(id)).body)).toEqual(['a: a here again', 'b: b there']);
  });

  it('refuses a save made on its own last revision once the desk has taken the story elsewhere', async () => {
    const created = await reporter.post('/api/stories', { headline: 'Night bus', body: bodyOf({ a: 'a' }) });
    const { id } = created.json() as Story;
    expect((await save(reporter, id, 1, { bodyPatch: { blocks: [paragraph('a', 'a first')] } })).statusCode).toBe(200);
    const reporterThere = new ApiClient(other.app);
    expect((await reporterThere.logIn(t.accounts.reporter.email, TEST_PASSWORDS.reporter)).statusCode).toBe(200);
    expect((await reporterThere.post(`/api/stories/${id}/transitions`, { to: 'submitted' })).statusCode).toBe(200);
    expect((await editorThere.post(`/api/stories/${id}/transitions`, { to: 'ready' })).statusCode).toBe(200);
    const refused = await save(reporter, id, 2, { bodyPatch: { blocks: [paragraph('a', 'a after submitting')] } });
    expect(refused.statusCode, refused.body).toBe(403);
    expect(texts((await stored(id)).body)).toEqual(['a: a first']);
  });

  it('answers a save made on its own last revision with the story as stored when another writer changed it without a new revision', async () => {
    const created = await reporter.post('/api/stories', { headline: 'Harbour lights', dateline: 'PORTSMOUTH', body: bodyOf({ a: 'a' }) });
    const { id } = created.json() as Story;
    expect((await save(reporter, id, 1, { bodyPatch: { blocks: [paragraph('a', 'a first')] } })).statusCode).toBe(200);
    // As a correction does to a published story: the row changes, the revision does not (its last change does).
    await other.database.db.updateTable('stories').set({ dateline: 'SOUTHAMPTON', updated_at: new Date(Date.now() + 1000).toISOString() }).where('id', '=', id).execute();
    const saved = await save(reporter, id, 2, { bodyPatch: { blocks: [paragraph('a', 'a second')] } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ revision: 3, dateline: 'SOUTHAMPTON' });
    expect((await read(editorThere, id)).dateline).toBe('SOUTHAMPTON');
    expect(texts((await stored(id)).body)).toEqual(['a: a second']);
  });

  it('answers a save made on its own last revision with the live revision as stored, though the writer that moved it stamped the same moment', async () => {
    const created = await reporter.post('/api/stories', { headline: 'Pier fire', body: bodyOf({ a: 'a' }) });
    const { id } = created.json() as Story;
    expect((await save(editorHere, id, 1, { bodyPatch: { blocks: [paragraph('a', 'a first')] } })).statusCode).toBe(200);
    // What a correction writes when its clock reads the millisecond of the save before it: the live
    // revision moves; status, revision and last change stay.
    await other.database.db.updateTable('stories').set({ live_revision: 2 }).where('id', '=', id).execute();
    const saved = await save(editorHere, id, 2, { bodyPatch: { blocks: [paragraph('a', 'a second')] } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ revision: 3, liveRevision: 2 });
    expect((await read(editorThere, id)).liveRevision).toBe(2);
  });

  // PostgreSQL's own storage: SQLite does not compress.
  if (dialect === 'postgres') it('stores the revision of a long story, and any body part long enough to compress, with LZ4 (cheaper to write than pglz)', async () => {
    const long = bodyOf(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`p${i}`, `Paragraph ${i} of a long investigation, with words that repeat.`])));
    const created = await reporter.post('/api/stories', { headline: 'Long read', body: long });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as Story;
    const { rows } = await sql<{ snapshot: string }>`select pg_column_compression(snapshot) as snapshot from story_revisions where story_id = ${id}`.execute(t.database.db);
    // Parts are ~2 KB, about where PostgreSQL starts compressing a row: some are stored as they are.
    const { rows: parts } = await sql<{ method: string | null }>`select distinct pg_column_compression(blocks) as method from story_body_parts where story_id = ${id}`.execute(t.database.db);
    // A PostgreSQL built without LZ4 keeps pglz (migration 010 lets it be).
    const { rows: settings } = await sql<{ lz4: boolean }>`select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`.execute(t.database.db);
    const method = settings[0]!.lz4 ? 'lz4' : 'pglz';
    expect(rows).toEqual([{ snapshot: method }]);
    for (const part of parts) expect([null, method]).toContain(part.method);
    expect(texts((await read(editorThere, id)).body)).toHaveLength(400);
  });

  it('rewrites only the part of the body a typed paragraph is in, and keeps parts and outline in step through inserts, deletions and whole bodies', async () => {
    const ids = Array.from({ length: 100 }, (_, index) => `p${index}`);
    const created = await reporter.post('/api/stories', { headline: 'Long read in parts', body: bodyOf(Object.fromEntries(ids.map((id) => [id, `Paragraph ${id}.`]))) });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as Story;
    const partsNow = async () =>
      new Map((await sql<{ part: number; blocks: string }>`select part, blocks from story_body_parts where story_id = ${id}`.execute(t.database.db)).rows.map((row) => [Number(row.part), row.blocks]));
    const before = await partsNow();
    expect(before.size).toBeGreaterThan(5);

    expect((await save(reporter, id, 1, { bodyPatch: { blocks: [paragraph('p50', 'Typed into the middle.')] } })).statusCode).toBe(200);
    const after = await partsNow();
    const changed = [...after].filter(([part, blocks]) => before.get(part) !== blocks);
    expect(changed).toHaveLength(1);
    expect(changed[0]![1]).toContain('Typed into the middle.');
    expect(after.size).toBe(before.size);

    // New blocks at the top, the first twenty gone, one moved to the end.
    const order = ['n1', 'n2', ...ids.slice(21).filter((block) => block !== 'p60'), 'p60'];
    const patched = await save(reporter, id, 2, { bodyPatch: { order, blocks: [paragraph('n1', 'New first.'), paragraph('n2', 'New second.')] } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(texts((await expectBothProcessesToShowStored(id)).body).slice(0, 3)).toEqual(['n1: New first.', 'n2: New second.', 'p21: Paragraph p21.']);

    // Received whole, in reverse.
    const reversed = { type: 'doc', content: [...(await read(reporter, id)).body.content!].reverse() };
    expect((await save(reporter, id, 3, { body: reversed })).statusCode).toBe(200);
    expect(texts((await expectBothProcessesToShowStored(id)).body)[0]).toBe('p60: Paragraph p60.');
  });

  it('keeps the revision for a block sent again as it was, though its part sits next to a small one', async () => {
    const ids = Array.from({ length: 48 }, (_, index) => `p${index}`);
    const created = await reporter.post('/api/stories', { headline: 'Resent paragraph', body: bodyOf(Object.fromEntries(ids.map((id) => [id, `Paragraph ${id}.`]))) });
    const { id } = created.json() as Story;
    // Ten blocks of the last part gone: a small part of six is left after the one holding p20.
    const order = ids.filter((_, index) => index < 32 || index > 41);
    expect((await save(reporter, id, 1, { bodyPatch: { order, blocks: [] } })).statusCode).toBe(200);
    const resent = await save(reporter, id, 2, { bodyPatch: { blocks: [paragraph('p20', 'Paragraph p20.')] } });
    expect(resent.statusCode, resent.body).toBe(200);
    expect((resent.json() as Story).revision).toBe(2);
    expect((await expectBothProcessesToShowStored(id)).revision).toBe(2);
  });

  it('answers every read with the stored body through saves, merges, conflicts, refusals, restores and transitions', async () => {
    const created = await reporter.post('/api/stories', { headline: 'Bridge works', body: bodyOf({ a: 'a', b: 'b' }) });
    const { id } = created.json() as Story;
    const order = ['a', 'b'];
    const steps: Array<[string, () => Promise<{ statusCode: number }>, number]> = [
      ['a patch', () => save(reporter, id, 1, { bodyPatch: { order, blocks: [paragraph('a', 'a one')] } }), 200],
      ['a headline only', () => save(reporter, id, 2, { headline: 'Bridge works start' }), 200],
      ['a whole body', () => save(reporter, id, 3, { body: bodyOf({ a: 'a one', b: 'b two', n: 'new' }) }), 200],
      ['a merge from another process', () => save(editorThere, id, 3, { headline: 'Bridge works begin' }), 200],
      ['a conflict', () => save(editorHere, id, 3, { body: bodyOf({ a: 'a one', b: 'b clash' }) }), 409],
      ['a refused block', () => save(reporter, id, 5, { bodyPatch: { order: ['a', 'b', 'n'], blocks: [{ type: 'script', attrs: { id: 'a' } }] } }), 400],
      ['an unplaceable patch', () => save(reporter, id, 5, { bodyPatch: { order: ['a', 'zz'], blocks: [] } }), 412],
      ['a restore', () => reporter.post(`/api/stories/${id}/restore`, { revision: 1 }), 200],
      ['a transition', () => reporter.post(`/api/stories/${id}/transitions`, { to: 'submitted' }), 200],
      ['a save after the transition', () => read(editorHere, id).then((story) => save(editorHere, id, story.revision, { bodyPatch: { order: story.body.content!.map((block) => block.attrs!.id as string), blocks: [paragraph('a', 'a by the desk')] } })), 200],
    ];
    for (const [step, run, status] of steps) {
      const response = await run();
      expect(response.statusCode, `${step}: ${JSON.stringify((response as { body?: unknown }).body)}`).toBe(status);
      await expectBothProcessesToShowStored(id);
    }
    // Restored to revision 1 (a, b), then the desk's patch.
    expect(texts((await stored(id)).body)).toEqual(['a: a by the desk', 'b: b']);
  });
});

describe.each(testDialects())('revision snapshots put together as text, on %s', (dialect) => {
  let t: TestApp;
  let reporter: ApiClient;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    reporter = await t.as('reporter');
  });
  afterAll(() => t.close());

  it('are JSON that gives back every field as saved, whatever characters the fields hold', async () => {
    const awkward = 'Quotes " and \\ backslash, tab\there, line\nbreak, \r return, \u2028 separator, café 🦊 emoji, </script>';
    const created = await reporter.post('/api/stories', { headline: 'Awkward text', body: bodyOf({ a: awkward }) });
    expect(created.statusCode, created.body).toBe(201);
    const story = created.json() as Story;
    // Fields are single lines (validation refuses breaks and control characters there); the body takes the rest.
    const line = 'Quotes " and \\ backslash, \\u0041 not an escape, café 🦊 emoji, </script>, null';
    const changes = { headline: line, standfirst: line, byline: line, dateline: line, seoTitle: 'SEO " \\ 🦊', seoDescription: line, tags: ['"quoted" \\ tag', 'ünïcode 🦊'], section: null, leadPhoto: null };
    let saved = await reporter.patch(`/api/stories/${story.id}`, changes, { 'if-match': `"${story.revision}"` });
    expect(saved.statusCode, saved.body).toBe(200);
    // Kept as changes (revision 2), and whole once every WHOLE_SNAPSHOT_EVERY revisions, put
    // together by the database from the row: both give back every field.
    expect(await revisionFields(t.database.db, story.id, 2)).toMatchObject({ ...changes, body: bodyOf({ a: awkward }) });
    for (let revision = 2; revision < WHOLE_SNAPSHOT_EVERY; revision++) {
      saved = await reporter.patch(`/api/stories/${story.id}`, { body: bodyOf({ a: awkward, b: `save ${revision}` }) }, { 'if-match': `"${revision}"` });
      expect(saved.statusCode, saved.body).toBe(200);
    }
    const { rows } = await sql<{ snapshot: string; delta_of: number | null }>`select snapshot, delta_of from story_revisions where story_id = ${story.id} and revision = ${WHOLE_SNAPSHOT_EVERY}`.execute(t.database.db);
    expect(rows[0]!.delta_of).toBeNull();
    const snapshot = JSON.parse(rows[0]!.snapshot) as Record<string, unknown>;
    expect(snapshot).toMatchObject({ ...changes, body: bodyOf({ a: awkward, b: `save ${WHOLE_SNAPSHOT_EVERY - 1}` }) });
    expect(Object.keys(snapshot).sort()).toEqual(['body', 'byline', 'dateline', 'headline', 'leadPhoto', 'section', 'seoDescription', 'seoTitle', 'standfirst', 'tags'].sort());
  });
});
