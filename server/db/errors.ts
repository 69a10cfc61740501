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
 * gone or busy (a connection lost, a server restarting, a lock, a deadlock, a timeout, a full
 * disk)? Such a write may succeed if tried again; one the database refuses for its content will not.
 * An error without a database's code (a driver closed, a network error) counts as passing.
 */
export function isPassingDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return true;
  if (code.startsWith('SQLITE_')) return /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|NOMEM|INTERRUPT|READONLY|PROTOCOL)/.test(code);
  // PostgreSQL's SQLSTATE classes: 08 connection, 40 rolled back (deadlock, serialization),
  // 53 insufficient resources, 57 operator intervention (shutdown, statement timeout), 58 system
  // error; 55P03 a lock not available.
  if (/^[0-9A-Z]{5}$/.test(code)) return /^(08|40|53|57|58)/.test(code) || code === '55P03';
  return true;
}
