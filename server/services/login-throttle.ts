import type { Dialect } from '../db/connection';
import {
  clearLoginFailures,
  deleteLoginFailuresBefore,
  findLoginFailuresInTurn,
  recordLoginFailure,
  takeBackLoginFailure,
} from '../db/repositories/login-failures';
import { inTransaction, type Db } from '../db/transaction';

/**
 * Failures allowed before each further attempt must wait: few for one account, more for one
 * address, since a whole newsroom may sit behind one office address.
 */
export const FREE_ATTEMPTS = { account: 5, address: 30 } as const;
/** A quiet spell this long forgets earlier failures. */
export const FORGET_AFTER_MS = 15 * 60 * 1000;
const MAX_WAIT_SECONDS = 15 * 60;

export interface ThrottleKeys {
  account: string;
  address: string;
}

export function throttleKeys(email: string, ip: string): ThrottleKeys {
  return { account: `email:${email}`, address: `ip:${ip}` };
}

/** Seconds to wait after `failures` failed attempts past the free ones: 1, 2, 4 … up to fifteen minutes. */
export function waitAfter(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(2 ** (failures - free), MAX_WAIT_SECONDS);
}

function freeAttempts(key: string): number {
  return key.startsWith('ip:') ? FREE_ATTEMPTS.address : FREE_ATTEMPTS.account;
}

/**
 * Lets a login attempt go ahead (0) or says how many seconds it must wait. Counted per account
 * and per address, in the database, so every API process sees the same counts. An admitted
 * attempt is counted as a failure before the password is checked, so guesses sent in parallel
 * cannot slip past the count; a successful login takes its count back.
 */
export async function admitLoginAttempt(db: Db, dialect: Dialect, keys: ThrottleKeys, now: Date): Promise<number> {
  return inTransaction(db, async (trx) => {
    const rows = await findLoginFailuresInTurn(trx, dialect, [keys.account, keys.address]);
    let wait = 0;
    for (const row of rows) {
      const last = Date.parse(row.last_failure_at);
      const backoff = waitAfter(row.failures, freeAttempts(row.key));
      if (backoff === 0 || now.getTime() - last > FORGET_AFTER_MS) continue;
      wait = Math.max(wait, Math.ceil((last + backoff * 1000 - now.getTime()) / 1000));
    }
    if (wait > 0) return wait;
    const resetBefore = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
    for (const key of [keys.account, keys.address]) await recordLoginFailure(trx, key, now.toISOString(), resetBefore);
    return 0;
  });
}

/**
 * A successful login clears the account's count and takes back its own count for the address
 * (but not others': one good password must not wipe out a stranger's guessing).
 */
export async function settleSuccessfulLogin(db: Db, keys: ThrottleKeys): Promise<void> {
  await inTransaction(db, async (trx) => {
    await clearLoginFailures(trx, [keys.account]);
    await takeBackLoginFailure(trx, keys.address);
  });
}

export async function forgetOldLoginFailures(db: Db, now: Date): Promise<void> {
  await deleteLoginFailuresBefore(db, new Date(now.getTime() - FORGET_AFTER_MS).toISOString());
}
