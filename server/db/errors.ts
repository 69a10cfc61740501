/** Did the database refuse a write because a unique index already holds the value? (SQLite or PostgreSQL.) */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** PostgreSQL refusing text it cannot store (a NUL byte, an invalid sequence): the client's input, not our fault. */
export function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '22021' || code === '22P05';
}

/**
 * Did the write fail because of the database's state rather than what was written: the database
 * gone or busy (a connection lost, a server restarting or read-only, a lock, a deadlock, a
 * timeout, a full disk, a damaged file that an administrator may rebuild)? Such a write may
 * succeed if tried again; one the database refuses for
 * its content will not. An error that is not the database's answer (a driver closed, a socket
 * error such as EPIPE) counts as passing.
 */
export function isPassingDatabaseError(error: unknown): boolean {
  const { code, severity } = (error ?? {}) as { code?: unknown; severity?: unknown };
  if (typeof code !== 'string') return true;
  if (code.startsWith('SQLITE_')) return /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|NOMEM|INTERRUPT|READONLY|PROTOCOL|CORRUPT)/.test(code);
  // PostgreSQL's own answers carry a severity and a SQLSTATE, whose classes say: 08 connection,
  // 25 transaction state (a read-only server after a failover), 40 rolled back (deadlock,
  // serialization), 53 insufficient resources, 57 operator intervention (shutdown, statement
  // timeout), 58 system error; 55P03 a lock not available.
  if (typeof severity === 'string') return /^(08|25|40|53|57|58)/.test(code) || code === '55P03';
  return true;
}
