import { sql } from 'kysely';
import type { Dialect } from '../connection';
import type { Db } from '../transaction';

/**
 * The counts for these keys, read so that concurrent attempts on the same keys take turns until
 * the transaction ends: on PostgreSQL by advisory locks on the keys (a row lock cannot lock a row
 * that does not exist yet); SQLite runs one write transaction at a time anyway.
 */
export async function findLoginFailuresInTurn(db: Db, dialect: Dialect, keys: string[]) {
  if (dialect === 'postgres') {
    // Always in the same order, so two attempts cannot wait on each other.
    for (const key of [...keys].sort()) await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
  }
  return db.selectFrom('login_failures').selectAll().where('key', 'in', keys).execute();
}

/** Counts one more failure for the key, starting again at 1 when the last one is older than `resetBefore`. */
export async function recordLoginFailure(db: Db, key: string, now: string, resetBefore: string): Promise<void> {
  await db
    .insertInto('login_failures')
    .values({ key, failures: 1, last_failure_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('login_failures.last_failure_at', '<', resetBefore)
          .then(1)
          .else(eb('login_failures.failures', '+', 1))
          .end(),
        last_failure_at: now,
      })),
    )
    .execute();
}

export async function clearLoginFailures(db: Db, keys: string[]): Promise<void> {
  await db.deleteFrom('login_failures').where('key', 'in', keys).execute();
}

export async function takeBackLoginFailure(db: Db, key: string): Promise<void> {
  await db
    .updateTable('login_failures')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

export async function deleteLoginFailuresBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('login_failures').where('last_failure_at', '<', before).execute();
}
