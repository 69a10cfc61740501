import type SQLite from 'better-sqlite3';

/** Enough for every distinct statement the server runs; search's shapes vary with the words asked. */
const CAPACITY = 500;

/**
 * Keeps SQLite's prepared statements for reuse. Kysely prepares every query it runs afresh, and
 * compiling the SQL was 8% of the server's time under a load of saves (a CPU profile,
 * docs/benchmarks.md). A statement is the same whatever it is bound to, so one per SQL text
 * serves every later run: a connection runs one statement at a time (better-sqlite3 refuses
 * another while a streamed query is open), so a kept statement is never still in use when it is
 * asked for again. SQLite prepares a kept statement again by itself when the schema changes.
 */
export function cacheStatements(database: SQLite.Database): void {
  const prepare = database.prepare.bind(database);
  // A Map keeps insertion order: a hit is moved to the end, the first entry is the least recently used.
  const statements = new Map<string, SQLite.Statement>();
  database.prepare = ((source: string) => {
    const kept = statements.get(source);
    if (kept) {
      statements.delete(source);
      statements.set(source, kept);
      return kept;
    }
    const statement = prepare(source);
    statements.set(source, statement);
    if (statements.size > CAPACITY) statements.delete(statements.keys().next().value!);
    return statement;
  }) as SQLite.Database['prepare'];
}
