import type { Kysely } from 'kysely';
import { clearLoginFailures, findLoginFailures, recordLoginFailure } from '../db/repositories/login-failures';
import type { Database } from '../db/schema';

/**
 * Failures allowed before each further attempt must wait: few for one account, more for one
 * address, since a whole newsroom may sit behind one office address.
 */
export const FREE_ATTEMPTS = { account: 5, address: 30 } as const;
/** A quiet spell this long forgets earlier failures. */
const FORGET_AFTER_MS = 15 * 60 * 1000;
const MAX_WAIT_SECONDS = 15 * 60;

export function throttleKeys(email: string, ip: string): string[] {
  return [`email:${email}`, `ip:${ip}`];
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
 * How long a login for this email from this address must still wait, in seconds (0: go ahead).
 * Counted per account and per address, so neither guessing one password from many addresses
 * nor many passwords from one address goes fast. Stored in the database: every API process
 * sees the same counts.
 */
export async function secondsUntilLoginAllowed(db: Kysely<Database>, keys: string[], now: Date): Promise<number> {
  const rows = await findLoginFailures(db, keys);
  let wait = 0;
  for (const row of rows) {
    const last = Date.parse(row.last_failure_at);
    if (now.getTime() - last > FORGET_AFTER_MS) continue;
    const until = last + waitAfter(row.failures, freeAttempts(row.key)) * 1000;
    wait = Math.max(wait, Math.ceil((until - now.getTime()) / 1000));
  }
  return wait;
}

export async function noteLoginFailure(db: Kysely<Database>, keys: string[], now: Date): Promise<void> {
  const resetBefore = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
  for (const key of keys) await recordLoginFailure(db, key, now.toISOString(), resetBefore);
}

export async function noteLoginSuccess(db: Kysely<Database>, keys: string[]): Promise<void> {
  await clearLoginFailures(db, keys);
}
