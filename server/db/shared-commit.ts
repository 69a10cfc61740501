import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema';
import { writeAheadLog, type Dialect } from './connection';
import type { Db } from './transaction';

/**
 * Group commit: writes that arrive while another group is being written share one transaction,
 * so one commit and one flush of the write-ahead log to the disk serve them all; the flush runs
 * off the main thread (see `writeAheadLog`), so the next group is checked and written meanwhile.
 * Each write runs in its own savepoint: one that throws is rolled back alone and its caller gets
 * the error; the others still commit. Every caller's promise settles only after the commit and
 * the flush, so an answer never promises what is not yet on disk.
 *
 * Used for story saves, where the commit (fsync) was the largest part of a save's cost once the
 * body went as changed blocks and the search index left the save.
 */

interface Pending {
  work: (trx: Transaction<Database>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Enough to share a commit widely, few enough that one group does not hold the database long. */
const MAX_GROUP = 64;

class CommitGroups {
  private queue: Pending[] = [];
  private writing = false;
  /** Settles when every flush started so far has succeeded (see `flushedInTurn`). */
  private flushed: Promise<void> = Promise.resolve();

  constructor(private readonly db: Kysely<Database>) {}

  /** Looked up on each use: the tests stand in for the log's flush. */
  private get wal() {
    return writeAheadLog(this.db);
  }

  add<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.writing) return;
      this.writing = true;
      // Wait out this turn of the event loop: saves whose requests arrived together join the group.
      setImmediate(() => void this.writeAll());
    });
  }

  private async writeAll() {
    try {
      while (this.queue.length > 0) await this.writeGroup(this.queue.splice(0, MAX_GROUP));
    } finally {
      this.writing = false;
    }
  }

  private async writeGroup(group: Pending[]) {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await this.commitWithoutWaitingForDisk((db) => db.transaction().execute(async (trx) => {
        for (const [index, pending] of group.entries()) {
          // A single write needs no savepoint: its error rolls the transaction back anyway.
          const savepoint = group.length > 1 ? sql.raw(`write_${index}`) : null;
          if (savepoint) await sql`SAVEPOINT ${savepoint}`.execute(trx);
          try {
            outcomes.push({ ok: true, value: await pending.work(trx) });
            if (savepoint) await sql`RELEASE SAVEPOINT ${savepoint}`.execute(trx);
          } catch (error) {
            if (!savepoint) throw error;
            await sql`ROLLBACK TO SAVEPOINT ${savepoint}`.execute(trx);
            await sql`RELEASE SAVEPOINT ${savepoint}`.execute(trx);
            outcomes.push({ ok: false, error });
          }
        }
      }));
    } catch (error) {
      // The commit failed (or the one write did): nothing of the group is stored.
      for (const pending of group) pending.reject(error);
      return;
    }
    // Nobody is answered before the group is on disk; the next group is written meanwhile.
    this.flushedInTurn().then(
      () =>
        group.forEach((pending, index) => {
          const outcome = outcomes[index]!;
          if (outcome.ok) pending.resolve(outcome.value);
          else pending.reject(outcome.error);
        }),
      (error: unknown) => {
        // Committed but perhaps not on disk: no write of the group is reported as saved.
        for (const pending of group) pending.reject(error);
      },
    );
  }

  /**
   * Flushes the log, and settles only once every flush started before it succeeded as well: the
   * flushes of consecutive groups overlap, and when a write-back fails the kernel reports it to
   * one fsync only, so a later flush can return success while an earlier group's pages are lost
   * (and with them, in the log read back after a crash, everything after them).
   */
  flushedInTurn(): Promise<void> {
    const flush = this.wal?.flush() ?? Promise.resolve();
    this.flushed = Promise.all([this.flushed, flush]).then(() => undefined);
    return this.flushed;
  }

  /**
   * Runs `commit` on the one connection at `synchronous = NORMAL` (the commit does not wait for
   * the disk; the log's flush does, off the main thread), and puts FULL back before anything else
   * can use the connection, so every other write keeps waiting for the disk itself.
   */
  private async commitWithoutWaitingForDisk(commit: (db: Kysely<Database>) => Promise<void>) {
    // Without a write-ahead log (a rollback journal) the commit waits for the disk itself, at FULL.
    if (!this.wal) return commit(this.db);
    await this.db.connection().execute(async (db) => {
      await sql`PRAGMA synchronous = NORMAL`.execute(db);
      try {
        await commit(db);
      } finally {
        await sql`PRAGMA synchronous = FULL`.execute(db);
      }
    });
  }
}

const groupsByDatabase = new WeakMap<Kysely<Database>, CommitGroups>();

/**
 * Runs `work` in a transaction shared with other writes made at the same moment (see above);
 * inside a caller's transaction it simply joins that one. `work` must only write through `trx`
 * and must not wait on anything else: the whole group waits for it.
 *
 * SQLite only: it has one connection and one writer, so saves are in line anyway and sharing
 * the commit is pure gain (changed-block saves 250–290/s alone, 400–410/s grouped, p95 200 →
 * 105 ms; `npm run bench:api`). PostgreSQL runs saves side by side on several connections and
 * groups its own WAL flushes; a group on one connection put them in line (171 against 189/s), so
 * there each write is its own transaction.
 */
export function inSharedCommit<T>(db: Db, dialect: Dialect, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  if (dialect !== 'sqlite') return db.transaction().execute(work);
  return commitGroups(db as Kysely<Database>).add(work);
}

function commitGroups(root: Kysely<Database>) {
  let groups = groupsByDatabase.get(root);
  if (!groups) groupsByDatabase.set(root, (groups = new CommitGroups(root)));
  return groups;
}

/**
 * Waits until every commit made so far is on disk. For an answer that promises a revision it did
 * not write itself (a save that changes nothing): that revision may be another save's, committed
 * in a group whose log is not flushed yet. Inside a caller's transaction its commit does this.
 */
export async function committedToDisk(db: Db): Promise<void> {
  // PostgreSQL, or SQLite without a log to flush: every commit waited for the disk itself.
  if (db.isTransaction || !writeAheadLog(db as Kysely<Database>)) return;
  await commitGroups(db as Kysely<Database>).flushedInTurn();
}
