import type { Kysely } from 'kysely';
import type { DocumentJSON } from '../../src/domain/document/types';
import { documentText, foldForSearch } from '../../src/domain/document/text';
import type { Database } from '../db/schema';
import { staleSearchRows, writeSearchText } from '../db/repositories/stories';

/**
 * The full-text index follows saves instead of being rebuilt inside each one. Re-indexing a long
 * story is most of a save's cost (PostgreSQL's tsvector and GIN entries, SQLite's FTS5 rows:
 * about 8 ms for 70 KB on PostgreSQL here), and an editor saves every few seconds while typing.
 * A save marks the story (`search_stale`, in the save's own transaction, so a crash cannot lose
 * the mark) and the backlog indexes marked stories shortly after, once for however many saves
 * came in between. A search first catches the backlog up, so whoever searches sees every save
 * that was answered before; this also holds across processes, as the marks are in the database.
 */

/** What the full-text index reads: everything (headline, standfirst, body), and the headline alone; folded. */
export function searchColumns(headline: string, standfirst: string, bodyText: string): { search_text: string; search_headline: string } {
  return { search_text: foldForSearch(`${headline}\n${standfirst}\n${bodyText}`), search_headline: foldForSearch(headline) };
}

/** How long after a save the backlog is indexed when nobody searches: saves in between share it. */
const CATCH_UP_AFTER_MS = 500;
/** Stories read per query. */
const BATCH = 25;
/** Passes per catch-up: a story saved again during each pass waits for the next catch-up. */
const MAX_PASSES = 8;

class SearchBacklog {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  /** A save marked a story: index it soon. */
  soon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // A closed database (the app shutting down) leaves the marks for the next start.
      this.catchUp().catch(() => undefined);
    }, CATCH_UP_AFTER_MS);
    this.timer.unref();
  }

  /** Indexes every marked story now; concurrent callers share one run. */
  catchUp(): Promise<void> {
    this.running ??= this.indexMarked().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async indexMarked() {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const rows = await staleSearchRows(this.db, BATCH);
      if (rows.length === 0) return;
      const indexed = rows.map((row) => ({
        row,
        columns: searchColumns(row.headline, row.standfirst, documentText(JSON.parse(row.body) as DocumentJSON)),
      }));
      // One statement per story, not one transaction for all: a save waits for at most one
      // story's row, and no lock order can deadlock against a group of saves.
      for (const { row, columns } of indexed) await writeSearchText(this.db, row.id, row.revision, columns);
    }
    this.soon();
  }
}

const backlogs = new WeakMap<Kysely<Database>, SearchBacklog>();

/** The backlog of one database (one per process; every process works the same marks). */
export function searchBacklog(db: Kysely<Database>): SearchBacklog {
  let backlog = backlogs.get(db);
  if (!backlog) backlogs.set(db, (backlog = new SearchBacklog(db)));
  return backlog;
}
