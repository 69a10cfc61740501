import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/** How often the checkpointer copies what the log holds into the database file. */
const INTERVAL_MS = 200;
/**
 * The main connection's own checkpoint, as a backstop: only if the thread below falls this far
 * behind (or could not start) does a commit on the main thread copy the log (pages of 16 KB: 64 MB).
 */
const BACKSTOP_PAGES = 4096;

// Plain JavaScript run in a worker thread with its own connection to the database.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const database = new SQLite(workerData.file);
// PASSIVE: copies what no reader still needs, never waits for or blocks a writer or a reader.
const timer = setInterval(() => {
  try {
    database.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    clearInterval(timer);
    parentPort.postMessage({ error: String(error) });
  }
}, workerData.interval);
parentPort.on('message', () => {
  clearInterval(timer);
  database.close();
  parentPort.close();
});
`;

/**
 * Checkpoints SQLite's write-ahead log on a thread of its own. By default the commit that takes
 * the log past 1,000 pages copies it into the database file and syncs that file, on the main
 * thread, where no request is served meanwhile: under a load of saves those commits held it for
 * 10–50 ms (the longest commits in `bench/sqlite-commit-times.mjs`). Here a second connection,
 * in a worker thread, copies the log every 200 ms, and the main connection checkpoints only as a
 * backstop. Durability is unchanged: a commit is durable once the log is on disk (see WalFile in
 * connection.ts); the checkpoint only moves committed pages into the database file.
 *
 * Returns a function that stops the thread (before the main connection closes, so that the
 * last connection to close, the main one, checkpoints what is left and removes the log).
 */
export function checkpointOnAThreadOfItsOwn(database: SQLite.Database, file: string): () => Promise<void> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { driver, file, interval: INTERVAL_MS } });
  // The thread must not keep a process alive that is otherwise done (scripts, tests).
  worker.unref();
  database.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // Without the thread, the main connection checkpoints as SQLite does by default.
  const fallBack = (error: unknown) => {
    console.warn(`SQLite checkpoints are back on the main thread: ${String(error)}`);
    if (database.open) database.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('message', (message: { error: string }) => fallBack(message.error));
  worker.on('error', fallBack);
  return async () => {
    worker.ref();
    worker.postMessage('close');
    await exited;
  };
}
