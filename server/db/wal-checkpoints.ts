import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/**
 * How often the checkpointer copies the log into the database file. Not more often: a checkpoint
 * that copies everything lets the next commit start the log again from its beginning, and that
 * start syncs the log's header on the main thread, so at light load this is at most one such sync
 * a second. (The thread cannot tell cheaply how much waits: reading SQLite's wal-index through a
 * descriptor of our own is unsafe, since closing any descriptor of a file drops every POSIX lock
 * the process holds on it, SQLite's included.)
 */
const INTERVAL_MS = 1000;
/**
 * The main connection's own checkpoint, past which a commit copies what the thread has not yet
 * (64 MB in 16 KB pages, 16 MB in the 4 KB pages of older databases). SQLite's default, 1,000
 * pages, left saves waiting on those commits about as often as with no thread: under a steady
 * stream of saves the thread never copies the last frames, so only a checkpoint between two
 * commits on the main connection lets the log start again from its beginning.
 */
const MAIN_CHECKPOINT_PAGES = 4096;

// Plain JavaScript run in a worker thread with its own connection to the database.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const database = new SQLite(workerData.file);
let reported = false;
const timer = setInterval(() => {
  try {
    // PASSIVE: copies what no reader still needs, never waits for or blocks a writer or a reader.
    database.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    // Tried again at the next turn; the main connection's own checkpoints go on meanwhile.
    if (!reported) parentPort.postMessage({ error: String(error) });
    reported = true;
  }
}, workerData.interval);
parentPort.on('message', () => {
  clearInterval(timer);
  database.close();
  parentPort.close();
});
`;

/**
 * Checkpoints SQLite's write-ahead log on a thread of its own. SQLite's own checkpoint runs in the
 * commit that takes the log past 1,000 pages: it copies the log into the database file and syncs
 * that file on the main thread, where no request is served meanwhile. Under a load of saves those
 * commits held it for 10–50 ms (the longest commits in `bench/sqlite-commit-times.mjs`). Here a
 * second connection, in a worker thread, copies the log every second; the main connection
 * checkpoints only past 4,096 pages, and then finds little left to copy.
 * Durability is unchanged: a commit is durable once the log is on disk (see WalFile in
 * connection.ts); a checkpoint only moves committed pages into the database file.
 *
 * `file` is the database file's real path. Returns a function that stops the thread; call it
 * before the main connection closes, so that the last connection to close, the main one,
 * checkpoints what is left and removes the log.
 */
export function checkpointOnAThreadOfItsOwn(database: SQLite.Database, file: string): () => Promise<void> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  // Plain CommonJS whatever the process was started with (a loader, --input-type=module).
  const worker = new Worker(CHECKPOINTER, { eval: true, execArgv: [], workerData: { driver, file, interval: INTERVAL_MS } });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const report = (error: unknown) => {
    console.warn(`SQLite checkpoints on their own thread failed (the main connection's go on): ${String(error)}`);
    // Without the thread the main connection checkpoints as SQLite does by default.
    if (database.open) database.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('message', (message: { error: string }) => report(message.error));
  worker.on('error', report);
  // After the listeners (adding a 'message' listener refs the worker again): the thread must not
  // keep alive a process that is otherwise done, such as a script that never closes the database.
  worker.unref();
  // The log's file then keeps up to 64 MB while the server runs (it is removed when the last
  // connection closes). Not cut back with `journal_size_limit`: writing into a file that has to
  // grow again made commits slower (total commit time 2.07–2.13 s against 1.34–1.42 s per run).
  database.pragma(`wal_autocheckpoint = ${MAIN_CHECKPOINT_PAGES}`);
  return async () => {
    worker.ref();
    worker.postMessage('close');
    await exited;
  };
}
