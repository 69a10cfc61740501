import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export function findLoginFailures(db: Kysely<Database>, keys: string[]) {
  return db.selectFrom('login_failures').selectAll().where('key', 'in', keys).execute();
}

/** Counts one more failure for the key, starting again at 1 when the last one is older than `resetBefore`. */
export async function recordLoginFailure(db: Kysely<Database>, key: string, now: string, resetBefore: string): Promise<void> {
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

export async function clearLoginFailures(db: Kysely<Database>, keys: string[]): Promise<void> {
  await db.deleteFrom('login_failures').where('key', 'in', keys).execute();
}
