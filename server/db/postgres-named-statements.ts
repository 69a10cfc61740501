import type pg from 'pg';

/** Distinct statements named per connection at most; any beyond are sent unnamed, as before. */
const MAX_NAMED = 200;

/**
 * Has PostgreSQL keep the saves' writes as prepared statements, parsed and planned once per
 * connection instead of on every run (Kysely sends every query unnamed). Alternating save runs
 * (docs/benchmarks.md): 5–19% more saves a second.
 *
 * Only INSERTs and UPDATEs without RETURNING: their plans do not depend on how common a value is
 * (the search's do, so reads keep a plan made for their values), and they answer no rows whose
 * shape a migration could change under a kept statement (PostgreSQL re-plans kept statements
 * itself after a change of schema).
 */
export function nameWrites(pool: pg.Pool): void {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED && /^\s*(insert|update)\b/i.test(text) && !/\breturning\b/i.test(text)) {
      names.set(text, (name = `newsdesk_${names.size}`));
    }
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (text: unknown, ...rest: unknown[]) => {
      const [values] = rest;
      const name = typeof text === 'string' && Array.isArray(values) && values.length > 0 && rest.length === 1 ? nameOf(text) : undefined;
      return name ? query({ name, text, values }) : query(text, ...rest);
    };
  });
}
