import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transaction } from 'kysely';
import type { Database } from './schema';
import { inSharedCommit } from './shared-commit';
import { startTestApp, testDialects, type TestApp } from '../test/harness';

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
