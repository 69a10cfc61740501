import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql, type Kysely, type Transaction } from 'kysely';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase, replaceWalFlush, SQLITE_FILE, writeAheadLog } from './connection';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';
import { inSharedCommit } from './shared-commit';
import { searchBacklog } from '../services/search-backlog';
import { startTestApp, testDialects, type TestApp } from '../test/harness';
import { paragraphs } from '../test/documents';
import type { Story } from '../../src/domain/api/stories';

describe.each(testDialects())('writes made at the same moment, on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  const failure = (key: string) => ({ key, failures: 1, last_failure_at: new Date().toISOString() });
  const keys = async (prefix: string) =>
    (await t.database.db.selectFrom('login_failures').select('key').where('key', 'like', `${prefix}%`).orderBy('key').execute()).map((row) => row.key);

  it('commits them (together on SQLite); one that fails is rolled back alone', async () => {
    const seen: Array<Transaction<Database>> = [];
    const write = (key: string, fail = false) =>
      inSharedCommit(t.database.db, dialect, async (trx) => {
        seen.push(trx);
        await trx.insertInto('login_failures').values(failure(key)).execute();
        if (fail) throw new Error(`${key} failed after writing`);
        return key;
      });
    const outcomes = await Promise.allSettled([write('group:a'), write('group:b', true), write('group:c')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('group:b failed after writing');
    expect(await keys('group:')).toEqual(['group:a', 'group:c']);
    // SQLite: one transaction, one commit for all three. PostgreSQL: each its own.
    expect(new Set(seen).size).toBe(dialect === 'sqlite' ? 1 : 3);
  });

  it('rejects a failed write made alone, and a database error in a group fails only its own write', async () => {
    const alone = await Promise.allSettled([
      inSharedCommit(t.database.db, dialect, async (trx) => {
        await trx.insertInto('login_failures').values(failure('alone:x')).execute();
        throw new Error('refused');
      }),
    ]);
    expect(alone[0]!.status).toBe('rejected');
    expect(await keys('alone:')).toEqual([]);
    const outcomes = await Promise.allSettled(
      ['dup:1', 'dup:1', 'dup:2'].map((key) => inSharedCommit(t.database.db, dialect, (trx) => trx.insertInto('login_failures').values(failure(key)).execute())),
    );
    // One of the two writes of dup:1 wins (on PostgreSQL they race on separate connections), dup:2 is kept.
    expect(outcomes.slice(0, 2).map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes[2]!.status).toBe('fulfilled');
    // What was answered is on disk: a second connection, as after a restart, sees it.
    const other = t.reopen();
    try {
      expect((await other.db.selectFrom('login_failures').select('key').where('key', 'like', 'dup:%').orderBy('key').execute()).map((row) => row.key)).toEqual(['dup:1', 'dup:2']);
    } finally {
      await other.close();
    }
  });
});

describe('on SQLite, the disk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t.close());

  /**
   * Stands in for the app's log flush while `run` runs, then puts the real one back and lets every
   * commit still waiting on the stand-in go on: a commit after the test (the search backlog
   * indexing a story the test saved, say) must not wait for an answer nobody gives.
   */
  async function withStandInFlush(run: (flushes: Array<() => void>) => Promise<void>) {
    const real = writeAheadLog(t.database.db)!;
    const flushes: Array<() => void> = [];
    replaceWalFlush(t.database.db, () => new Promise<void>((resolve) => flushes.push(resolve)));
    try {
      await run(flushes);
    } finally {
      replaceWalFlush(t.database.db, () => real.flush());
      for (const flushed of flushes.splice(0)) void real.flush().then(flushed);
    }
  }

  const write = (key: string) =>
    inSharedCommit(t.database.db, 'sqlite', (trx) => trx.insertInto('login_failures').values({ key, failures: 1, last_failure_at: new Date().toISOString() }).execute());

  it('answers a group only once its log is flushed, and leaves every other write waiting for the disk itself', async () => {
    await withStandInFlush(async (flushes) => {
      let answered = false;
      const writes = Promise.all([write('disk:a'), write('disk:b')]).then(() => (answered = true));
      await vi.waitFor(() => expect(flushes.length).toBe(1));
      // Committed (visible) but not yet flushed: not answered.
      expect((await t.database.db.selectFrom('login_failures').select('key').where('key', 'like', 'disk:%').execute()).length).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(answered).toBe(false);
      flushes[0]!();
      await writes;
      expect(answered).toBe(true);
    });
    // Outside a group's commit the connection is back at FULL: other writes wait for the disk in their commit.
    const { rows } = await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(t.database.db);
    expect(rows[0]!.synchronous).toBe(2);
  });

  /** A database of its own, for a failed flush: after one the database reports no write as saved again. */
  async function scratch(run: (db: Kysely<Database>) => Promise<void>) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-scratch-'));
    const database = openDatabase({ dataDir });
    try {
      await migrateToLatest(database.db, 'sqlite');
      await run(database.db);
    } finally {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const writeTo = (db: Kysely<Database>, key: string) =>
    inSharedCommit(db, 'sqlite', (trx) => trx.insertInto('login_failures').values({ key, failures: 1, last_failure_at: new Date().toISOString() }).execute());

  it('reports no write of a group as saved when its log cannot be flushed', () =>
    scratch(async (db) => {
      replaceWalFlush(db, () => Promise.reject(new Error('EIO: i/o error, fsync')));
      const outcomes = await Promise.allSettled([writeTo(db, 'lost:a'), writeTo(db, 'lost:b')]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
      expect((outcomes[0] as PromiseRejectedResult).reason.message).toContain('fsync');
    }));

  it('answers a group only once the flushes of the groups before it succeeded too: one flush can see success while an earlier one fails', () =>
    scratch(async (db) => {
      const flushes: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
      replaceWalFlush(db, () => new Promise<void>((resolve, reject) => flushes.push({ resolve, reject })));
      const settled: string[] = [];
      const first = writeTo(db, 'order:a').then(() => settled.push('a'), () => settled.push('a failed'));
      await vi.waitFor(() => expect(flushes.length).toBe(1));
      const second = writeTo(db, 'order:b').then(() => settled.push('b'), () => settled.push('b failed'));
      await vi.waitFor(() => expect(flushes.length).toBe(2));
      // The later flush returns first, with success; the earlier one then fails (its pages may be gone).
      flushes[1]!.resolve();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(settled).toEqual([]);
      flushes[0]!.reject(new Error('EIO: i/o error, fsync'));
      await Promise.all([first, second]);
      expect(settled).toEqual(['a failed', 'b failed']);
      // Nor is any write after them.
      replaceWalFlush(db, () => Promise.resolve());
      await expect(writeTo(db, 'order:c')).rejects.toThrow('EIO');
    }));

  it('answers a save that changes nothing only once the revision it answers with is on disk', async () => {
    const reporter = await t.as('reporter');
    const created = await reporter.post('/api/stories', { headline: 'Harbour', body: paragraphs('The harbour closes.') });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as Story;
    // The search backlog would index this story through the same commits, flushed by the same
    // stand-in: stopped, as this test counts the saves' flushes.
    await searchBacklog(t.database.db, 'sqlite').stop();
    await withStandInFlush(async (flushes) => {
      // The save, then the same save again (its answer lost on the way, say): revision 2 is committed, not yet on disk.
      const headers = { 'if-match': '"1"', 'x-editor-id': 'harbour-tab' };
      const first = reporter.patch(`/api/stories/${id}`, { headline: 'Harbour reopens' }, headers);
      await vi.waitFor(() => expect(flushes.length).toBe(1));
      let answered = false;
      const again = reporter.patch(`/api/stories/${id}`, { headline: 'Harbour reopens' }, headers).then((response) => {
        answered = true;
        return response;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(answered).toBe(false);
      while (!answered) {
        flushes.splice(0).forEach((flushed) => flushed());
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      for (const response of [await first, await again]) {
        expect(response.statusCode, response.body).toBe(200);
        expect((response.json() as Story).revision).toBe(2);
      }
    });
  });

  it('saves nothing more once a flush of the log has failed: a later flush could succeed without the pages it lost', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-fsync-'));
    const database = openDatabase({ dataDir });
    const open = fs.promises.open;
    let syncs = 0;
    // The first fsync of the log fails (a write-back error), as the disk reports it once; every later one succeeds.
    const spy = vi.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof open>) => {
      const handle = await open(...args);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        if (String(args[0]).endsWith('-wal') && syncs++ === 0) throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
        return sync();
      };
      return handle;
    });
    try {
      await migrateToLatest(database.db, 'sqlite');
      const write = (key: string) =>
        inSharedCommit(database.db, 'sqlite', (trx) => trx.insertInto('login_failures').values({ key, failures: 1, last_failure_at: new Date().toISOString() }).execute());
      await expect(write('eio:a')).rejects.toThrow('EIO');
      await expect(write('eio:b')).rejects.toThrow('EIO');
    } finally {
      spy.mockRestore();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
  it('makes the entry of a new log in its directory durable before the first group is answered (SQLite syncs no log itself at NORMAL)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-dirsync-'));
    const database = openDatabase({ dataDir });
    const open = fs.promises.open;
    const synced: string[] = [];
    const spy = vi.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof open>) => {
      const handle = await open(...args);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        synced.push(String(args[0]));
        return sync();
      };
      return handle;
    });
    try {
      await migrateToLatest(database.db, 'sqlite');
      await inSharedCommit(database.db, 'sqlite', (trx) => trx.insertInto('login_failures').values({ key: 'dir:a', failures: 1, last_failure_at: new Date().toISOString() }).execute());
      expect(synced).toContain(dataDir);
      expect(synced).toContain(`${path.join(dataDir, SQLITE_FILE)}-wal`);
    } finally {
      spy.mockRestore();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
  it('flushes the log SQLite writes when the database file is a symbolic link (the log is beside the file it points to)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-link-'));
    try {
      fs.mkdirSync(path.join(dataDir, 'disk'));
      fs.mkdirSync(path.join(dataDir, 'data'));
      new SQLite(path.join(dataDir, 'disk', 'store.sqlite')).close();
      fs.symlinkSync(path.join(dataDir, 'disk', 'store.sqlite'), path.join(dataDir, 'data', SQLITE_FILE));
      const database = openDatabase({ dataDir: path.join(dataDir, 'data') });
      try {
        await migrateToLatest(database.db, 'sqlite');
        await inSharedCommit(database.db, 'sqlite', (trx) => trx.insertInto('login_failures').values({ key: 'link:a', failures: 1, last_failure_at: new Date().toISOString() }).execute());
        expect(fs.existsSync(path.join(dataDir, 'disk', 'store.sqlite-wal'))).toBe(true);
      } finally {
        await database.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('SQLite pages', () => {
  it('are 16 KB in a new database; a database made with 4 KB pages keeps them and works as before', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-pages-'));
    try {
      const fresh = openDatabase({ dataDir: path.join(dataDir, 'fresh') });
      await migrateToLatest(fresh.db, 'sqlite');
      expect((await sql<{ page_size: number }>`PRAGMA page_size`.execute(fresh.db)).rows[0]!.page_size).toBe(16384);
      await fresh.close();

      // As a data directory from before: made with SQLite's default page size.
      fs.mkdirSync(path.join(dataDir, 'old'));
      const old = new SQLite(path.join(dataDir, 'old', SQLITE_FILE));
      old.pragma('journal_mode = WAL');
      old.exec('create table kept (note text)');
      old.close();
      const reopened = openDatabase({ dataDir: path.join(dataDir, 'old') });
      await migrateToLatest(reopened.db, 'sqlite');
      expect((await sql<{ page_size: number }>`PRAGMA page_size`.execute(reopened.db)).rows[0]!.page_size).toBe(4096);
      await inSharedCommit(reopened.db, 'sqlite', (trx) => sql`insert into kept (note) values ('still writes')`.execute(trx));
      expect((await sql<{ note: string }>`select note from kept`.execute(reopened.db)).rows).toEqual([{ note: 'still writes' }]);
      await reopened.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
