import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { isPassingDatabaseError } from './errors';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

describe('telling a passing database failure from a refusal', () => {
  it('on SQLite: a write lock held elsewhere passes; a trigger refusing a row or a unique value does not', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-errors-'));
    const file = path.join(dir, 'errors.sqlite');
    const one = new SQLite(file);
    const other = new SQLite(file, { timeout: 0 });
    try {
      one.pragma('journal_mode = WAL');
      one.exec(`CREATE TABLE t (k TEXT UNIQUE);
        CREATE TRIGGER refuse BEFORE INSERT ON t WHEN new.k = 'poison' BEGIN SELECT RAISE(ABORT, 'refused'); END;`);
      one.exec('BEGIN IMMEDIATE');
      expect(isPassingDatabaseError(failure(() => other.prepare('INSERT INTO t VALUES (?)').run('a')))).toBe(true);
      one.exec('ROLLBACK');
      other.prepare('INSERT INTO t VALUES (?)').run('a');
      expect(isPassingDatabaseError(failure(() => other.prepare('INSERT INTO t VALUES (?)').run('poison')))).toBe(false);
      expect(isPassingDatabaseError(failure(() => other.prepare('INSERT INTO t VALUES (?)').run('a')))).toBe(false);
    } finally {
      one.close();
      other.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an error with no database code (a driver closed, a network error) passes', () => {
    expect(isPassingDatabaseError(new Error('driver has already been destroyed'))).toBe(true);
    expect(isPassingDatabaseError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    // Five capitals, like a SQLSTATE, but a socket's error: not the database's answer.
    expect(isPassingDatabaseError(Object.assign(new Error('write EPIPE'), { code: 'EPIPE', errno: -32, syscall: 'write' }))).toBe(true);
  });

  it.runIf(TEST_DATABASE_URL)('on PostgreSQL: a lock or statement timeout or a read-only server passes; a raised exception or a unique value does not', async () => {
    const one = new pg.Client({ connectionString: TEST_DATABASE_URL });
    const other = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await one.connect();
    await other.connect();
    const table = `errors_test_${process.pid}`;
    const refusal = async (text: string) => other.query(text).then(() => null, (error: unknown) => error);
    try {
      await one.query(`CREATE TABLE ${table} (k text UNIQUE)`);
      await one.query(`INSERT INTO ${table} VALUES ('a')`);
      await one.query('BEGIN');
      await one.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
      await other.query("SET lock_timeout = '50ms'");
      expect(isPassingDatabaseError(await refusal(`INSERT INTO ${table} VALUES ('b')`))).toBe(true);
      await one.query('ROLLBACK');
      await other.query("SET statement_timeout = '50ms'");
      expect(isPassingDatabaseError(await refusal('SELECT pg_sleep(1)'))).toBe(true);
      await other.query('RESET statement_timeout');
      // A server that only reads (a replica after a failover, a full disk on a managed service).
      await other.query('SET default_transaction_read_only = on');
      expect(isPassingDatabaseError(await refusal(`INSERT INTO ${table} VALUES ('c')`))).toBe(true);
      await other.query('RESET default_transaction_read_only');
      expect(isPassingDatabaseError(await refusal("DO $$ BEGIN RAISE EXCEPTION 'refused'; END $$"))).toBe(false);
      expect(isPassingDatabaseError(await refusal(`INSERT INTO ${table} VALUES ('a')`))).toBe(false);
    } finally {
      await one.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
      await one.end();
      await other.end();
    }
  });
});
