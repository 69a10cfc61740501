import { afterEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
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
    // 100 commits of 64 KB: ~550 pages of 16 KB in the log, fewer than the main connection's own
    // checkpoint (4,096 pages): only the thread copies them into the file.
    for (let i = 0; i < 100; i++) await sql`insert into blobs values (randomblob(65536))`.execute(db);
    await expect.poll(() => fs.statSync(file).size, { timeout: 5000 }).toBeGreaterThan(6 * 1024 * 1024);
    const closing = handle!;
    handle = null;
    await closing.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.statSync(file).size).toBeGreaterThan(6 * 1024 * 1024);
  });

  it('lets a script that opens the database and never closes it end', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-connection-'));
    const script = `
      import { openDatabase } from ${JSON.stringify(path.resolve(import.meta.dirname, 'connection.ts'))};
      import { sql } from 'kysely';
import pg from 'pg';
      const { db } = openDatabase({ dataDir: ${JSON.stringify(dir)} });
      await sql\`create table t (x)\`.execute(db);
      console.log('done');
    `;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8', timeout: 20_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('done');
    expect(result.status).toBe(0);
  });
});

describe.runIf(TEST_DATABASE_URL)('PostgreSQL connections', () => {
  it('survive a connection that breaks, idle or in a query: the process goes on, the query fails, later ones are answered', async () => {
    const handle = openDatabase({ databaseUrl: TEST_DATABASE_URL!, dataDir: '' });
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL! });
    await admin.connect();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const db = handle.db;
      const backend = async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid;
      // Idle in the pool (as after PostgreSQL restarts, or an administrator ends the session).
      const idle = await backend();
      await admin.query('select pg_terminate_backend($1)', [idle]);
      await expect.poll(() => logged.mock.calls.length, { timeout: 5000 }).toBeGreaterThan(0);
      expect(await backend()).not.toBe(idle);
      // In the middle of a query.
      const busy = await backend();
      // Its outcome held from the start: the failure may arrive before the test asks for it.
      const sleeping = sql`select pg_sleep(5)`.execute(db).then(() => null, (error: unknown) => error);
      await expect.poll(async () => (await admin.query("select count(*)::int as n from pg_stat_activity where pid = $1 and query like 'select pg_sleep%'", [busy])).rows[0].n).toBe(1);
      await admin.query('select pg_terminate_backend($1)', [busy]);
      expect(await sleeping).toMatchObject({ code: '57P01' });
      // A query sent before the pool has seen the connection close may still fail; then they are answered.
      const answered = async () => (await sql<{ one: number }>`select 1 as one`.execute(db).catch(() => ({ rows: [] }))).rows;
      await expect.poll(answered, { timeout: 5000 }).toEqual([{ one: 1 }]);
    } finally {
      logged.mockRestore();
      await admin.end();
      await handle.close();
    }
  });
});
