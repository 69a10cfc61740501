import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../../src/domain/api/users';
import type { Role } from '../../src/domain/auth/roles';
import type { AppConfig } from '../config';
import { tooManyRequests, unauthenticated } from '../errors';
import { deleteSession, findSessionWithUser, insertSession, touchSession } from '../db/repositories/sessions';
import { findUserByEmail, toSessionUser, updateUser } from '../db/repositories/users';
import type { Database } from '../db/schema';
import type { Dialect } from '../db/connection';
import { admitLoginAttempt, settleSuccessfulLogin, throttleKeys } from './login-throttle';
import { verifyAgainstNothing, verifyPassword } from './passwords';

/** One message for a wrong email and a wrong password: the answer does not tell which. */
export const WRONG_CREDENTIALS = 'Wrong email or password';

/** last_seen_at is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface ActiveSession {
  id: string;
  csrfToken: string;
  user: SessionUser;
}

export interface NewSession extends ActiveSession {
  /** Goes in the cookie; only its hash is stored. */
  token: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

interface LoginAttempt {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
}

/** Checks the password and opens a fresh session (a new id at every login). */
export async function logIn(
  db: Kysely<Database>,
  dialect: Dialect,
  config: AppConfig,
  attempt: LoginAttempt,
  now = new Date(),
): Promise<NewSession> {
  const keys = throttleKeys(attempt.email, attempt.ip);
  const wait = await admitLoginAttempt(db, dialect, keys, now);
  if (wait > 0) {
    throw tooManyRequests(`Too many failed attempts. Try again in ${wait} second${wait === 1 ? '' : 's'}.`, wait);
  }

  const user = await findUserByEmail(db, attempt.email);
  const passwordMatches = user ? await verifyPassword(user.password_hash, attempt.password) : (await verifyAgainstNothing(attempt.password), false);
  if (!user || !passwordMatches || user.disabled_at !== null) throw unauthenticated(WRONG_CREDENTIALS);
  await settleSuccessfulLogin(db, keys);

  const token = newToken();
  const csrfToken = newToken();
  const nowIso = now.toISOString();
  const id = hashToken(token);
  await insertSession(db, {
    id,
    user_id: user.id,
    csrf_token: csrfToken,
    created_at: nowIso,
    last_seen_at: nowIso,
    expires_at: new Date(now.getTime() + config.sessions.absoluteTimeoutMs).toISOString(),
    ip: attempt.ip,
    user_agent: attempt.userAgent?.slice(0, 300) ?? null,
  });
  await updateUser(db, user.id, { last_login_at: nowIso });
  return { id, token, csrfToken, user: toSessionUser(user) };
}

/**
 * The session a cookie token stands for, or null when there is none, it has expired (idle or
 * absolute), or its account is disabled. An expired session is deleted on sight.
 */
export async function resolveSession(
  db: Kysely<Database>,
  config: AppConfig,
  token: string,
  now = new Date(),
): Promise<ActiveSession | null> {
  const id = hashToken(token);
  const row = await findSessionWithUser(db, id);
  if (!row) return null;
  const lastSeen = Date.parse(row.last_seen_at);
  const expired = Date.parse(row.expires_at) <= now.getTime() || now.getTime() - lastSeen >= config.sessions.idleTimeoutMs;
  if (expired || row.disabled_at !== null) {
    await deleteSession(db, id);
    return null;
  }
  if (now.getTime() - lastSeen >= TOUCH_INTERVAL_MS) await touchSession(db, id, now.toISOString());
  return {
    id,
    csrfToken: row.csrf_token,
    user: { id: row.id, email: row.email, name: row.name, role: row.role as Role },
  };
}

export async function logOut(db: Kysely<Database>, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}
