import type { AppConfig } from '../config';
import { deleteExpiredSessions } from '../db/repositories/sessions';
import type { Db } from '../db/transaction';
import { forgetOldLoginFailures } from './login-throttle';

/** Deletes sessions past their idle or absolute expiry, and login failures old enough to forget. */
export async function purgeExpired(db: Db, config: AppConfig, now = new Date()): Promise<void> {
  const idleCutoff = new Date(now.getTime() - config.sessions.idleTimeoutMs).toISOString();
  await deleteExpiredSessions(db, now.toISOString(), idleCutoff);
  await forgetOldLoginFailures(db, now);
}

const HOUR = 60 * 60 * 1000;

/** Purges now and every hour; returns a function that stops it. Runs in every API process (it is idempotent). */
export function startHousekeeping(db: Db, config: AppConfig, log: (error: unknown) => void): () => void {
  const run = () => purgeExpired(db, config).catch(log);
  void run();
  const timer = setInterval(run, HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
