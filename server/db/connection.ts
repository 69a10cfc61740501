import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { cacheStatements } from './sqlite-statement-cache';
import { checkpointOnAThreadOfItsOwn } from './wal-checkpoints';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** A description for logs, without credentials. */
  describe: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, SQLite in `dataDir`. */
  databaseUrl?: string | null;
  dataDir: string;
  /** PostgreSQL only: use this schema (tests give each run its own). */
  schema?: string;
}

export const SQLITE_FILE = 'newsdesk.sqlite';

/** Opens the embedded SQLite database (WAL, durable commits) or a PostgreSQL pool. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.schema);
  return openSqlite(path.join(options.dataDir, SQLITE_FILE));
}

function openSqlite(file: string): DatabaseHandle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  // New databases only (a database's page size is fixed once it holds data, and in WAL mode):
  // a save writes a 70 KB body and a 70 KB revision, and in 16 KB pages a shared commit wrote
  // its pages to the log in 0.8–0.9 ms at the median against 3–6 ms in 4 KB ones (docs/benchmarks.md).
  database.pragma('page_size = 16384');
  // A file system without shared memory (some network mounts) refuses WAL: SQLite stays on its rollback journal.
  const journal = database.pragma('journal_mode = WAL', { simple: true });
  // FULL: an acknowledged save is on disk before the answer goes out, even across a power cut.
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  cacheStatements(database);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  // SQLite follows a symbolic link to the database and keeps the log beside the file it points to.
  const realFile = fs.realpathSync(file);
  const wal = new WalFile(`${realFile}-wal`);
  if (journal === 'wal') walFiles.set(db, wal);
  const stopCheckpoints = journal === 'wal' ? checkpointOnAThreadOfItsOwn(database, realFile) : async () => {};
  return {
    db,
    dialect: 'sqlite',
    describe: `SQLite ${file}`,
    close: once(async () => {
      await stopCheckpoints();
      await db.destroy();
      await wal.close();
    }),
  };
}

/**
 * The write-ahead log of an open SQLite database, for writes that commit without waiting for the
 * disk (`synchronous = NORMAL`) and then flush the log here, on libuv's thread pool, before
 * anyone is answered (see shared-commit.ts). A commit at FULL waits for the same flush on the
 * main thread, where nothing else can run meanwhile (2–3 ms per commit on this machine).
 *
 * fsync on any descriptor of a file flushes the file. The log is one file for as long as the
 * database is open here: SQLite removes it only when the last connection closes.
 */
class WalFile {
  private handle: Promise<fs.promises.FileHandle> | null = null;
  /** The flush that failed: every later one fails with it (see `flush`). */
  private failed: unknown = null;

  constructor(private readonly file: string) {}

  /** Flushes everything written to the log so far to the disk. */
  async flush(): Promise<void> {
    if (this.failed !== null) throw this.failed;
    this.handle ??= this.open();
    const opened = this.handle;
    let handle: fs.promises.FileHandle;
    try {
      handle = await opened;
    } catch (error) {
      // Opened again next time (e.g. the log did not exist yet); the caller hears of the failure.
      if (this.handle === opened) this.handle = null;
      throw error;
    }
    try {
      await handle.sync();
    } catch (error) {
      // The kernel reports a failed write-back once and may drop those pages: a later fsync (on a
      // descriptor opened again, above all) can succeed without them, while the commits in them
      // stay visible and later saves build on them. So nothing is reported as saved any more
      // until the server is restarted (and SQLite reads the log again), as PostgreSQL does.
      this.failed = error;
      throw error;
    }
  }

  /**
   * The log, and its entry in the directory made durable: the log is new whenever the database
   * was closed by its last connection, and at NORMAL SQLite syncs neither it nor the directory at
   * a commit (at FULL it syncs the directory with a new log's first sync).
   */
  private async open(): Promise<fs.promises.FileHandle> {
    // Read-write: Windows refuses to flush a file opened read-only.
    const handle = await fs.promises.open(this.file, 'r+');
    // Windows cannot open a directory to flush it (NTFS keeps its entries durable itself).
    if (process.platform === 'win32') return handle;
    try {
      const directory = await fs.promises.open(path.dirname(this.file), 'r');
      try {
        await directory.sync();
      } finally {
        await directory.close();
      }
      return handle;
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async close() {
    const handle = this.handle;
    this.handle = null;
    await (await handle?.catch(() => null))?.close();
  }
}

const walFiles = new WeakMap<Kysely<Database>, { flush(): Promise<void> }>();

/**
 * The write-ahead log of an open SQLite database, to flush to the disk off the main thread;
 * undefined when the database has none (not SQLite, or not in WAL mode: then commits wait for
 * the disk themselves).
 */
export function writeAheadLog(db: Kysely<Database>): { flush(): Promise<void> } | undefined {
  return walFiles.get(db);
}

/** Tests only: stands in for the log's flush (to see that answers wait for it, or fail with it). */
export function replaceWalFlush(db: Kysely<Database>, flush: () => Promise<void>) {
  walFiles.set(db, { flush });
}

function openPostgres(connectionString: string, schema?: string): DatabaseHandle {
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name "${schema}"`);
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A connection that breaks (PostgreSQL restarted, a backend terminated, the network gone)
  // emits 'error'; unheard, that would end the process. The pool drops a broken idle connection
  // itself, and a query on a broken one fails and its caller hears of it: here it is only logged.
  pool.on('connect', (client) => client.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`)));
  // The pool passes on an idle connection's error too: already logged by the listener above.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const url = new URL(connectionString);
  return {
    db,
    dialect: 'postgres',
    describe: `PostgreSQL ${url.host}${url.pathname}${schema ? ` (schema ${schema})` : ''}`,
    close: once(() => db.destroy()),
  };
}

/** Closing twice (an app's shutdown and its test's clean-up, say) closes once. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= close());
}

/** Liveness of the database for /api/health. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
