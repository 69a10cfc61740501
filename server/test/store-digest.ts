import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { SQLITE_FILE, type DatabaseHandle } from '../db/connection';
import { searchBacklog } from '../services/search-backlog';

/**
 * A fingerprint of everything the app keeps: every table's rows (order-independent) and every
 * file in the data directory (path and size), the SQLite files themselves left out (their
 * content is the tables). Two equal digests mean a request changed nothing.
 */
export interface StoreDigest {
  tables: Record<string, string>;
  files: string[];
}

/** Columns any request may touch, refused or not: a session's last activity. */
const VOLATILE_COLUMNS: Record<string, readonly string[]> = { sessions: ['last_seen_at'] };

async function tableNames(database: DatabaseHandle): Promise<string[]> {
  const query =
    database.dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
      : sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`;
  return (await query.execute(database.db)).rows.map((row) => row.name);
}

function listFiles(root: string, dir = root): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const relative = path.relative(root, full);
    if (entry.isDirectory()) {
      found.push(`${relative}/`, ...listFiles(root, full));
    } else if (!entry.name.startsWith(SQLITE_FILE)) {
      found.push(`${relative} ${fs.statSync(full).size}`);
    }
  }
  return found.sort();
}

/** `except`: tables a refused request may change on purpose (login failures, for one). */
export async function storeDigest(database: DatabaseHandle, dataDir: string, except: readonly string[] = []): Promise<StoreDigest> {
  // The search index follows accepted saves in the background (services/search-backlog.ts); caught
  // up first, so the digest holds still between an earlier save and the request under test.
  await searchBacklog(database.db, database.dialect).catchUp();
  const tables: Record<string, string> = {};
  for (const name of await tableNames(database)) {
    if (except.includes(name)) continue;
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(database.db);
    const volatile = VOLATILE_COLUMNS[name] ?? [];
    const lines = rows
      .map((row) => JSON.stringify(row, (key, value) => (volatile.includes(key) ? undefined : Buffer.isBuffer(value) ? value.toString('base64') : value)))
      .sort();
    tables[name] = `${rows.length} rows ${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return { tables, files: listFiles(dataDir) };
}
