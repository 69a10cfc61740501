import type { Kysely } from 'kysely';
import type { DocumentJSON } from '../../src/domain/document/types';
import { BLOCK_SEPARATOR, documentText, foldForSearch } from '../../src/domain/document/text';
import type { Database } from '../db/schema';
import { setAsideFromSearch, staleSearchRows, storedBodyAt, writeSearchText } from '../db/repositories/stories';
import { storedBodies } from '../db/stored-bodies';
import type { Db } from '../db/transaction';
import { inSharedCommit } from '../db/shared-commit';
import { pingDatabase, type Dialect } from '../db/connection';
import { isPassingDatabaseError } from '../db/errors';

/**
 * The full-text index follows saves instead of being rebuilt inside each one. Re-indexing a long
 * story is most of a save's cost (PostgreSQL's tsvector and GIN entries, SQLite's FTS5 rows:
 * about 8 ms for 70 KB on PostgreSQL here), and an editor saves every few seconds while typing.
 * A save marks the story (`search_stale`, in the save's own transaction, so a crash cannot lose
 * the mark) and the backlog indexes marked stories shortly after, once for however many saves
 * came in between. A search first catches the backlog up, so whoever searches sees every save
 * that was answered before; this also holds across processes, as the marks are in the database.
 */

/**
 * The search text keeps at most this many characters (about 50,000 words: past the longest
 * investigation). PostgreSQL cannot store a tsvector over 1 MB, which a long enough body of
 * distinct words reaches; capped, no body the limits accept can fail to index.
 */
const MAX_SEARCH_CHARS = 300_000;

/** What the full-text index reads: everything (headline, standfirst, body), and the headline alone; folded. */
export function searchColumns(headline: string, standfirst: string, body: DocumentJSON): { search_text: string; search_headline: string } {
  const search_headline = foldForSearch(headline);
  return { search_text: `${search_headline}\n${foldForSearch(standfirst)}\n${foldedBodyText(body)}`.slice(0, MAX_SEARCH_CHARS), search_headline };
}

/** The folded text of each frozen block (a stored body's; see db/stored-bodies.ts), worked out once; null for a block without text. */
const foldedBlocks = new WeakMap<object, string | null>();

/**
 * `foldForSearch(documentText(body))`, block by block: a block's text never runs into the next
 * one's (they are joined by blank lines, and folding maps each character on its own), so the
 * blocks of a stored body a save did not change are not walked and folded again.
 */
function foldedBodyText(body: DocumentJSON): string {
  const texts: string[] = [];
  for (const block of body.content ?? []) {
    let text = foldedBlocks.get(block);
    if (text === undefined) {
      // Whether a block has text is decided before folding, as for the whole text (an accent alone folds to nothing).
      const raw = documentText(block);
      text = raw === '' ? null : foldForSearch(raw);
      if (Object.isFrozen(block)) foldedBlocks.set(block, text);
    }
    if (text !== null) texts.push(text);
  }
  return texts.join(BLOCK_SEPARATOR);
}

/** How long after a save the backlog is indexed when nobody searches: saves in between share it. */
const CATCH_UP_AFTER_MS = 500;
/** Stories read per query. */
const BATCH = 25;
/** Times a run reads again the stories saved between its read and its write. */
const MISSED_ROUNDS = 3;
/** Runs a story may fail in a row with a passing error, the database answering, before it is set aside. */
const STRIKES_BEFORE_SET_ASIDE = 3;
/** How long a search waits at most for the backlog; then it searches what is indexed. */
const SEARCH_WAITS_MS = 2_000;

type StaleRow = Awaited<ReturnType<typeof staleSearchRows>>[number];

class SearchBacklog {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  /** Set when the app closes: the marks left stay for the next start. */
  private stopped = false;
  /** Passing failures of a story at a revision while the database answered (see `indexOne`). */
  private readonly strikes = new Map<string, number>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
  ) {}

  /** A save marked a story: index it soon. */
  soon(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // A closed database (the app shutting down) leaves the marks for the next start.
      this.catchUp().catch(() => undefined);
    }, CATCH_UP_AFTER_MS);
    this.timer.unref();
  }

  /**
   * Indexes every marked story now. A run already under way may have read the marks before
   * this caller's saves were answered: the caller waits for it and for one more run, which
   * everyone who arrived meanwhile shares.
   */
  catchUp(): Promise<void> {
    if (!this.running) return this.start();
    this.next ??= this.running.then(
      () => this.start(),
      () => this.start(),
    );
    return this.next;
  }

  /** For a search: catches up, but never fails the search and never holds it long. */
  async beforeSearch(): Promise<void> {
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<void>((resolve) => (timeout = setTimeout(resolve, SEARCH_WAITS_MS)));
    await Promise.race([this.catchUp().catch(() => undefined), waited]);
    clearTimeout(timeout);
  }

  /** Before the database closes: no new run starts, and the one under way finishes first. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await Promise.allSettled([this.running, this.next]);
  }

  private start(): Promise<void> {
    this.next = null;
    this.running = this.indexMarked().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async indexMarked() {
    // One pass over the marked stories, in order of id: under steady saving, a pass that started
    // over until nothing was marked went on as long as the saves did, indexing the same stories
    // again and again (on PostgreSQL, 64 KB through to_tsvector each time). A story saved again
    // after the pass went by is left for the next run, which its save asked for (`soon`).
    let after: string | null = null;
    // Stories saved again between being read and written (the write found a newer revision):
    // read again before the run ends, since a search waiting for this run may be after their
    // earlier save, whose words would otherwise be missing.
    let missed: string[] = [];
    for (;;) {
      if (this.stopped) return;
      const rows = await staleSearchRows(this.db, BATCH, { after });
      if (rows.length === 0) break;
      after = rows.at(-1)!.id;
      missed.push(...(await this.indexRows(rows)));
    }
    // Bounded: a story saved faster than it can be indexed is left to the next run.
    for (let round = 0; round < MISSED_ROUNDS && missed.length > 0; round++) {
      const again: string[] = [];
      for (let from = 0; from < missed.length; from += BATCH) {
        if (this.stopped) return;
        again.push(...(await this.indexRows(await staleSearchRows(this.db, BATCH, { among: missed.slice(from, from + BATCH) }))));
      }
      missed = again;
    }
  }

  /**
   * Indexes `rows`, one story at a time; answers the ids of those saved again since they were read.
   * SQLite: each story is written in the saves' shared commit (its own savepoint there, so one
   * the index refuses is rolled back alone). One transaction for a batch of 25 long stories held
   * SQLite's one connection and the event loop for tens of milliseconds, and flushed on the main
   * thread: every save arriving meanwhile waited behind it. PostgreSQL: one statement per story,
   * so a save waits for at most one story's row and no lock order can deadlock against saves.
   */
  private async indexRows(rows: StaleRow[]): Promise<string[]> {
    const missed: string[] = [];
    for (const row of rows) if ((await this.indexOne(row)) === 'saved since') missed.push(row.id);
    return missed;
  }

  private async indexOne(marked: StaleRow): Promise<'indexed' | 'saved since' | 'set aside'> {
    // The story as this process last saved it, when that is no older than the row read: its body
    // is neither read, put together nor parsed (the usual case, a story being typed in here).
    const known = storedBodies(this.db)?.get(marked.id);
    const row =
      known && known.row.revision >= marked.revision
        ? { id: marked.id, revision: known.row.revision, headline: known.story.headline, standfirst: known.story.standfirst }
        : marked;
    let columns: ReturnType<typeof searchColumns>;
    try {
      const body = known && row !== marked ? known.story.body : await storedBodyAt(this.db, this.dialect, row.id, row.revision);
      if (body === null) return 'saved since';
      columns = searchColumns(row.headline, row.standfirst, typeof body === 'string' ? (JSON.parse(body) as DocumentJSON) : body);
    } catch (error) {
      // The stored body cannot be read as a document: no later run would read it either.
      await this.setAside(row, error);
      return 'set aside';
    }
    try {
      const write = (db: Db) => writeSearchText(db, this.dialect, row.id, row.revision, columns);
      const written = await (this.dialect === 'sqlite' ? inSharedCommit(this.db, this.dialect, write) : write(this.db));
      this.strikes.delete(`${row.id}:${row.revision}`);
      return written ? 'indexed' : 'saved since';
    } catch (error) {
      if (this.stopped) throw error;
      if (isPassingDatabaseError(error)) {
        // The database gone or busy (a connection lost, a lock, a timeout) is not the story's
        // fault: it stays marked for a later run, and nothing counts against it while the
        // database does not answer. But a story that fails so again and again while the database
        // answers (a timeout on a huge text, say) would hold back every story after it.
        if (!(await answers(this.db))) throw error;
        const key = `${row.id}:${row.revision}`;
        const strikes = (this.strikes.get(key) ?? 0) + 1;
        if (strikes < STRIKES_BEFORE_SET_ASIDE) {
          if (this.strikes.size >= 1000) this.strikes.clear();
          this.strikes.set(key, strikes);
          throw error;
        }
        this.strikes.delete(key);
      }
      await this.setAside(row, error);
      return 'set aside';
    }
  }

  /** A story that cannot be indexed must not stop the others, nor every search after it. */
  private async setAside(row: StaleRow, error: unknown) {
    console.error(`search index: story ${row.id} could not be indexed; it is set aside`, error);
    await setAsideFromSearch(this.db, row.id, row.revision);
  }
}

async function answers(db: Kysely<Database>): Promise<boolean> {
  try {
    await pingDatabase(db);
    return true;
  } catch {
    return false;
  }
}


const backlogs = new WeakMap<Kysely<Database>, SearchBacklog>();

/** The backlog of one database (one per process; every process works the same marks). */
export function searchBacklog(db: Kysely<Database>, dialect: Dialect): SearchBacklog {
  let backlog = backlogs.get(db);
  if (!backlog) backlogs.set(db, (backlog = new SearchBacklog(db, dialect)));
  return backlog;
}

/** When the app closes, before its database does: the backlog's run under way ends first, and an app started again on the database gets a new one. */
export async function stopSearchBacklog(db: Kysely<Database>): Promise<void> {
  const backlog = backlogs.get(db);
  backlogs.delete(db);
  await backlog?.stop();
}
