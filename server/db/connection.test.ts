import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, SQLITE_FILE, type DatabaseHandle } from './connection';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

describe('the embedded SQLite database', () => {
  let handle: DatabaseHandle | null = null;
  let dir = '';
  const open = () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-connection-'));
    handle = openDatabase({ dataDir: dir });
    return handle.db;
  };
  afterEach(async () => {
    await handle?.close();
    handle = null;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers with columns added after a statement was first run', async () => {
    const db = open();
    await sql`create table notes (id integer)`.execute(db);
    await sql`insert into notes values (1)`.execute(db);
    const all = () => sql<Record<string, unknown>>`select * from notes`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1 }]);
    await sql`alter table notes add column text text default 'kept'`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1, text: 'kept' }]);
  });

  it('copies committed writes into the database file off the main connection, and closes without a log left', async () => {
    const db = open();
    const file = path.join(dir, SQLITE_FILE);
    await sql`create table blobs (b blob)`.execute(db);
    // 4 MB: 256 pages, far under the main connection's own checkpoint (4,096 pages).
    for (let i = 0; i < 64; i++) await sql`insert into blobs values (randomblob(65536))`.execute(db);
    const before = fs.statSync(file).size;
    expect(before).toBeLessThan(1024 * 1024);
    await expect.poll(() => fs.statSync(file).size, { timeout: 5000 }).toBeGreaterThan(4 * 1024 * 1024);
    const closing = handle!;
    handle = null;
    await closing.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.statSync(file).size).toBeGreaterThan(4 * 1024 * 1024);
  });
});

describe.runIf(TEST_DATABASE_URL)('PostgreSQL connections', () => {
  it('keeps saves’ writes as prepared statements that survive a change of the table', async () => {
    const schema = `connection_test_${process.pid}`;
    const admin = openDatabase({ databaseUrl: TEST_DATABASE_URL!, dataDir: '' });
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
    const handle = openDatabase({ databaseUrl: TEST_DATABASE_URL!, dataDir: '', schema });
    try {
      const db = handle.db;
      await sql`create table counters (id integer primary key, n integer not null)`.execute(db);
      await sql`insert into counters (id, n) values (${1}, ${0})`.execute(db);
      const bump = () => sql`update counters set n = n + ${1} where id = ${1}`.execute(db);
      for (let i = 0; i < 12; i++) await bump();
      const prepared = await sql<{ count: string }>`select count(*) from pg_prepared_statements where statement like 'update counters%'`.execute(db);
      // Every connection of the pool that ran it keeps it (the test's run one at a time, so one).
      expect(Number(prepared.rows[0]!.count)).toBeGreaterThanOrEqual(1);
      await sql`alter table counters add column note text`.execute(db);
      await bump();
      const row = await sql<{ n: number; note: string | null }>`select n, note from counters where id = 1`.execute(db);
      expect(row.rows).toEqual([{ n: 13, note: null }]);
    } finally {
      await handle.close();
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
      await admin.close();
    }
  });
});
