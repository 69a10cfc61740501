import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './connection';
import * as initial from './migrations/001-initial';
import * as photos from './migrations/002-photos';
import * as storyLinks from './migrations/003-story-links';
import * as storyEvents from './migrations/004-story-events';
import * as approvedRevision from './migrations/005-approved-revision';
import * as photoGaps from './migrations/006-photo-gaps';
import * as historyPresence from './migrations/007-history-presence';
import * as revisionBase from './migrations/008-revision-base';
import * as searchBacklog from './migrations/009-search-backlog';
import * as fastCompression from './migrations/010-fast-compression';
import * as revisionDeltas from './migrations/011-revision-deltas';
import * as sqliteSearchOffRow from './migrations/012-sqlite-search-off-row';
import * as bodyInParts from './migrations/013-body-in-parts';
import * as postgresSearchOffRow from './migrations/014-postgres-search-off-row';
import type { Database } from './schema';

/** Migrations in order. Each takes the dialect, for the few places SQLite and PostgreSQL differ. */
const MIGRATIONS: Record<string, { up: (db: Kysely<any>, dialect: Dialect) => Promise<void> }> = {
  '001-initial': initial,
  '002-photos': photos,
  '003-story-links': storyLinks,
  '004-story-events': storyEvents,
  '005-approved-revision': approvedRevision,
  '006-photo-gaps': photoGaps,
  '007-history-presence': historyPresence,
  '008-revision-base': revisionBase,
  '009-search-backlog': searchBacklog,
  '010-fast-compression': fastCompression,
  '011-revision-deltas': revisionDeltas,
  '012-sqlite-search-off-row': sqliteSearchOffRow,
  '013-body-in-parts': bodyInParts,
  '014-postgres-search-off-row': postgresSearchOffRow,
};

class InCodeMigrations implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(MIGRATIONS).map(([name, migration]) => [name, { up: (db: Kysely<any>) => migration.up(db, this.dialect) }]),
    );
  }
}

/** Brings the schema up to date; safe to run from several processes at once (the migrator locks). */
export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  const { error, results } = await (await migratorFor(db, dialect)).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${reason}`, { cause: error });
  }
}

/** Brings the schema up to the migration named and no further: a database as an older release left it, for tests of a migration. */
export async function migrateUpTo(db: Kysely<Database>, dialect: Dialect, name: string): Promise<void> {
  const { error } = await (await migratorFor(db, dialect)).migrateTo(name);
  if (error) throw error;
}

async function migratorFor(db: Kysely<Database>, dialect: Dialect): Promise<Migrator> {
  // On PostgreSQL the migrator's own tables go in the schema we work in: Kysely otherwise looks
  // for them across every schema and may find another database user's.
  const migrationTableSchema =
    dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0].schema : undefined;
  // Features land from parallel branches, each with its own migration; a database that already
  // ran a later-numbered one still takes an earlier one that arrives afterwards.
  return new Migrator({ db, provider: new InCodeMigrations(dialect), migrationTableSchema, allowUnorderedMigrations: true });
}
