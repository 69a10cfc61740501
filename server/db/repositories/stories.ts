import { sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Story, StorySummary } from '../../../src/domain/api/stories';
import type { LeadPhoto } from '../../../src/domain/story/fields';
import type { DocumentJSON } from '../../../src/domain/document/types';
import type { Section } from '../../../src/domain/story/sections';
import type { StoryStatus } from '../../../src/domain/story/status';
import type { Dialect } from '../connection';
import type { StoriesTable, StoryRevisionsTable } from '../schema';
import type { Db } from '../transaction';
import { knownStory, storedBodies } from '../stored-bodies';
import { assembledBody, type BodyWrite, type PartRow } from '../body-parts';
import { inTransaction } from '../transaction';

export type StoryRow = Selectable<StoriesTable>;

/** Every column but the body and its text: what a list row needs. */
const SUMMARY_COLUMNS = [
  'stories.id',
  'stories.slug',
  'stories.status',
  'stories.headline',
  'stories.standfirst',
  'stories.byline',
  'stories.dateline',
  'stories.section',
  'stories.tags',
  'stories.seo_title',
  'stories.seo_description',
  'stories.lead_photo',
  'stories.word_count',
  'stories.revision',
  'stories.live_revision',
  'stories.created_by',
  'stories.created_at',
  'stories.updated_at',
  'stories.published_at',
  'stories.scheduled_at',
] as const;

type SummaryRow = Omit<StoryRow, 'body_parts' | 'search_text' | 'search_headline' | 'search_stale' | 'seq' | 'approved_revision' | 'photo_gaps'>;

/** A story's row as `findStory` reads it: every column a story shows, and how its body is cut into parts. */
export type FoundRow = SummaryRow & { body_parts: string };

function toSummary(row: SummaryRow, authorIds: string[]): StorySummary {
  return {
    id: row.id,
    slug: row.slug,
    status: row.status as StoryStatus,
    headline: row.headline,
    standfirst: row.standfirst,
    byline: row.byline,
    authorIds,
    dateline: row.dateline,
    section: row.section as Section | null,
    tags: JSON.parse(row.tags) as string[],
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    leadPhoto: row.lead_photo ? (JSON.parse(row.lead_photo) as LeadPhoto) : null,
    revision: row.revision,
    liveRevision: row.live_revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    scheduledAt: row.scheduled_at,
    wordCount: row.word_count,
  };
}

/** A story from its row and its body's JSON text. */
export function toStory(row: SummaryRow & { body: string }, authorIds: string[]): Story {
  return { ...toSummary(row, authorIds), body: JSON.parse(row.body) as DocumentJSON };
}

/**
 * The story's row, its body put together from its parts, and its authors, in one query (on
 * PostgreSQL one round trip instead of two). With `known` (a body this process holds), the body
 * is left out when the row is still at that revision (null then), so the 70 KB are neither read
 * nor sent.
 */
async function findStoryRow(db: Db, dialect: Dialect, id: string, known?: { revision: number; updatedAt: string }) {
  const body = known
    ? sql<string | null>`case when stories.revision = ${known.revision} and stories.updated_at = ${known.updatedAt} then null else ${assembledBody(dialect)} end`.as('body')
    : sql<string | null>`${assembledBody(dialect)}`.as('body');
  const found = await db.selectFrom('stories').select([...SUMMARY_COLUMNS, 'stories.body_parts', body, authorIdsColumn]).where('id', '=', id).executeTakeFirst();
  if (!found) return undefined;
  const { author_ids: authorIds, body: bodyText, ...row } = found;
  return { row, bodyText, authorIds: authorIdsOf(authorIds) };
}

/**
 * A story's authors as a column of the query that reads the story, ordered by id: read with the
 * rows rather than by a second query, since on PostgreSQL a round trip is much of what a list
 * costs (docs/benchmarks.md, "Lists and searches in fewer round trips"). The ids are joined by
 * commas, which no id holds (they are UUIDs, see services/accounts.ts); `string_agg` with an
 * ORDER BY is the same on both databases (SQLite 3.44 or later; better-sqlite3 builds its own, 3.53).
 */
const authorIdsColumn = sql<string>`(select coalesce(string_agg(user_id, ',' order by user_id), '') from story_authors where story_id = stories.id)`.as('author_ids');

/** The ids `authorIdsColumn` read. */
function authorIdsOf(column: string): string[] {
  return column === '' ? [] : column.split(',');
}

/** The story, and the row it came from (for comparing a save against what is stored). */
export async function findStory(db: Db, dialect: Dialect, id: string) {
  const bodies = storedBodies(db);
  const known = bodies?.get(id);
  const stored = await findStoryRow(db, dialect, id, known && { revision: known.row.revision, updatedAt: known.row.updated_at });
  if (!stored) return undefined;
  const { row, bodyText, authorIds } = stored;
  if (bodyText === null && known) {
    // Read again: kept among the most recently used, with the row as it now is.
    const story = { ...toSummary(row, authorIds), body: known.story.body };
    bodies!.remember(id, knownStory(row, story));
    return { row, story };
  }
  const story = toStory({ ...row, body: bodyText! }, authorIds);
  bodies?.remember(id, knownStory(row, story));
  return { row, story };
}

export async function loadStory(db: Db, dialect: Dialect, id: string): Promise<Story | undefined> {
  return (await findStory(db, dialect, id))?.story;
}

export async function slugExists(db: Db, slug: string): Promise<boolean> {
  const row = await db.selectFrom('stories').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

export async function insertStory(
  db: Db,
  dialect: Dialect,
  row: Omit<StoryRow, 'seq' | 'approved_revision' | 'photo_gaps' | 'search_stale'> & { photo_gaps?: number },
  authorIds: string[],
  /** The body's parts, as `planBodyWrite` cut them for `row.body_parts`. */
  parts: PartRow[],
): Promise<void> {
  const { row: stored, searchText } = searchTextOffRow(row);
  await db.insertInto('stories').values(stored).execute();
  await writeBodyParts(db, row.id, { upserts: parts, deletes: [] });
  if (searchText !== undefined) await indexSearchText(db, dialect, row.id, searchText);
  if (authorIds.length > 0) {
    await db
      .insertInto('story_authors')
      .values(authorIds.map((userId) => ({ story_id: row.id, user_id: userId })))
      .execute();
  }
}

/**
 * Writes a save only if the story's row is still as the save found it (`expected`): the
 * database, not the process, decides which of two racing saves wins, and a save judged on a
 * story that has since moved is not written. Returns false when the row has changed.
 */
export async function updateStoryIfRevision(
  db: Db,
  dialect: Dialect,
  id: string,
  expected: ExpectedRow,
  changes: Partial<Omit<StoryRow, 'id' | 'seq'>>,
  /** The body's parts to write, when the body changed (`changes.body_parts` is its outline, if that changed). */
  body: BodyWrite | null,
): Promise<boolean> {
  const { row, searchText } = searchTextOffRow(changes);
  const result = await db
    .updateTable('stories')
    .set(row)
    .where('id', '=', id)
    // A save checked against one state must not land after the story moved (e.g. out of a reporter's hands).
    .where(isExpected(expected))
    .executeTakeFirst();
  const updated = Number(result.numUpdatedRows) === 1;
  if (updated && body) await writeBodyParts(db, id, body);
  if (updated && searchText !== undefined) await indexSearchText(db, dialect, id, searchText);
  return updated;
}

/** Removes and writes the parts of a story's body that a save changed (in the save's transaction). */
async function writeBodyParts(db: Db, storyId: string, body: Pick<BodyWrite, 'upserts' | 'deletes'>): Promise<void> {
  if (body.deletes.length > 0) await db.deleteFrom('story_body_parts').where('story_id', '=', storyId).where('part', 'in', body.deletes).execute();
  if (body.upserts.length === 0) return;
  await db
    .insertInto('story_body_parts')
    .values(body.upserts.map((part) => ({ story_id: storyId, ...part })))
    .onConflict((conflict) =>
      conflict.columns(['story_id', 'part']).doUpdateSet((eb) => ({ block_count: eb.ref('excluded.block_count'), blocks: eb.ref('excluded.blocks') })),
    )
    .execute();
}

/**
 * The row as a save found it: what any writer other than a save changes (the workflow, a
 * correction, the scheduler), and the last change, which every writer of the columns a story
 * shows stamps (the search backlog writes only search columns). A row still at these is the one
 * the save was judged on, even when another writer stamped the same millisecond.
 */
export interface ExpectedRow {
  revision: number;
  status: string;
  updatedAt: string;
  liveRevision: number | null;
  publishedAt: string | null;
  scheduledAt: string | null;
}

/** `expected` as conditions on the row (null-safe). */
function isExpected(expected: ExpectedRow) {
  const same = (column: string, value: string | number | null) => (value === null ? sql<SqlBool>`${sql.ref(column)} is null` : sql<SqlBool>`${sql.ref(column)} = ${value}`);
  return sql<SqlBool>`${same('revision', expected.revision)} and ${same('status', expected.status)} and ${same('updated_at', expected.updatedAt)}
    and ${same('live_revision', expected.liveRevision)} and ${same('published_at', expected.publishedAt)} and ${same('scheduled_at', expected.scheduledAt)}`;
}

/**
 * A story's search text goes to the full-text index, not the row (migrations 012 and 014): the
 * row would otherwise carry ~64 KB more, and on PostgreSQL its words in a GIN index that every
 * save's new row version is added to. The row keeps ''.
 */
function searchTextOffRow<T extends { search_text?: string }>(columns: T): { row: T; searchText?: string } {
  if (columns.search_text === undefined) return { row: columns };
  return { row: { ...columns, search_text: '' }, searchText: columns.search_text };
}

/**
 * PostgreSQL: a story's words, as `story_search.search` holds them, from its folded headline (a
 * column of the row written with it) and its search text. Headline words carry weight A, so a
 * search can ask for headline matches only ("word:*A").
 */
function storyWords(headline: Expression<string>, searchText: string) {
  return sql<unknown>`setweight(to_tsvector('simple', ${headline}), 'A') || to_tsvector('simple', ${searchText}::text)`;
}

/** PostgreSQL: writes the words of the stories in `rows` (a table expression of `id, search_headline`). */
function upsertStoryWords(rows: Expression<unknown>, searchText: string) {
  return sql`insert into story_search (story_id, search)
    select id, ${storyWords(sql.ref('search_headline'), searchText)} from ${rows}
    on conflict (story_id) do update set search = excluded.search`;
}

/**
 * The story's words in the full-text index become those of `searchText` and of the row's folded
 * headline: `story_search` on PostgreSQL, `stories_fts` on SQLite (contentless, keyed by the
 * row's seq). Run after writing the row, in its transaction.
 */
async function indexSearchText(db: Db, dialect: Dialect, id: string, searchText: string): Promise<void> {
  if (dialect === 'postgres') {
    await sql`with story as (select id, search_headline from stories where id = ${id}) ${upsertStoryWords(sql`story`, searchText)}`.execute(db);
    return;
  }
  const { rows } = await sql<{ seq: number; search_headline: string }>`select seq, search_headline from stories where id = ${id}`.execute(db);
  const story = rows[0];
  if (!story) return;
  // contentless_delete: the old words go by rowid alone, without the old text.
  await sql`delete from stories_fts where rowid = ${story.seq}`.execute(db);
  await sql`insert into stories_fts(rowid, search_headline, search_text) values (${story.seq}, ${story.search_headline}, ${searchText})`.execute(db);
}

type RevisionMeta = Omit<Selectable<StoryRevisionsTable>, 'snapshot' | 'delta_of'>;

/**
 * A revision's text (see revision-fields.ts): the changes since the revision `deltaOf`, or a
 * whole snapshot (`deltaOf` null).
 */
export interface RevisionChanges {
  deltaOf: number | null;
  text: string;
}

/** Records a revision: kept as changes to the one before it, or whole. */
export async function insertRevision(db: Db, row: RevisionMeta, changes: RevisionChanges): Promise<void> {
  await db
    .insertInto('story_revisions')
    .values({ ...row, snapshot: changes.text, delta_of: changes.deltaOf })
    .execute();
}

/**
 * PostgreSQL: `updateStoryIfRevision`, its body's parts and `insertRevision` as one statement (a
 * data-modifying WITH, atomic as any statement; every part of it writes only if the update did):
 * one round trip instead of five (BEGIN, UPDATE, parts, INSERT, COMMIT). False when another save
 * got there first, and then nothing is written.
 */
export async function updateStoryWithRevision(
  db: Db,
  expected: ExpectedRow,
  changes: Partial<Omit<StoryRow, 'id' | 'seq'>>,
  body: BodyWrite | null,
  row: RevisionMeta,
  revision: RevisionChanges,
): Promise<boolean> {
  const { row: columns, searchText } = searchTextOffRow(changes);
  const update = db.updateTable('stories').set(columns).where('id', '=', row.story_id).where(isExpected(expected)).returning(['id', 'search_headline']);
  const steps = [sql`updated as (${update})`];
  // Saved inside a caller's transaction (no search backlog), the story's words go with it.
  if (searchText !== undefined) steps.push(sql`words as (${upsertStoryWords(sql`updated`, searchText)})`);
  if (body && body.upserts.length > 0) {
    const values = sql.join(body.upserts.map((part) => sql`(${part.part}::int, ${part.block_count}::int, ${part.blocks}::text)`));
    steps.push(sql`written_parts as (insert into story_body_parts (story_id, part, block_count, blocks)
      select updated.id, parts.part, parts.block_count, parts.blocks from updated cross join (values ${values}) as parts(part, block_count, blocks)
      on conflict (story_id, part) do update set block_count = excluded.block_count, blocks = excluded.blocks)`);
  }
  if (body && body.deletes.length > 0) {
    steps.push(sql`removed_parts as (delete from story_body_parts using updated
      where story_body_parts.story_id = updated.id and story_body_parts.part in (${sql.join(body.deletes)}))`);
  }
  const result = await sql`with ${sql.join(steps)}
    insert into story_revisions (story_id, revision, snapshot, saved_by, saved_at, editor_id, note, base_revision, delta_of)
    select id, ${row.revision}, ${revision.text}, ${row.saved_by}, ${row.saved_at}, ${row.editor_id}, ${row.note}, ${row.base_revision}, ${revision.deltaOf}
    from updated`.execute(db);
  return Number(result.numAffectedRows) === 1;
}

/**
 * The newest revision after `revision` this editor saved directly on the one before (so it holds
 * exactly what that editor had), if any: a retry whose answer was lost merges against it, and its
 * own words are then not "theirs".
 */
export async function latestOwnRevisionAfter(db: Db, storyId: string, revision: number, userId: string, editorId: string): Promise<number | null> {
  const row = await db
    .selectFrom('story_revisions')
    .select((eb) => eb.fn.max('revision').as('revision'))
    .where('story_id', '=', storyId)
    .where('revision', '>', revision)
    .where('saved_by', '=', userId)
    .where('editor_id', '=', editorId)
    .where('base_revision', '=', sql<number>`revision - 1`)
    .executeTakeFirst();
  return row?.revision ?? null;
}

/** Were all revisions after `revision` saved by this user from this editor (and none by anyone else)? */
export async function onlyOwnRevisionsAfter(db: Db, storyId: string, revision: number, userId: string, editorId: string): Promise<boolean> {
  const others = await db
    .selectFrom('story_revisions')
    .select('revision')
    .where('story_id', '=', storyId)
    .where('revision', '>', revision)
    .where((eb) => eb.or([eb('saved_by', '!=', userId), eb('editor_id', 'is', null), eb('editor_id', '!=', editorId)]))
    .limit(1)
    .execute();
  return others.length === 0;
}

export interface StoryListFilter {
  status?: StoryStatus[];
  section?: Section;
  authorId?: string;
  /** Words to find; each must match (as a prefix) in headline, standfirst or body… */
  searchTerms?: string[];
  /** …or in the headline alone. */
  headlineOnly?: boolean;
  /** Only stories with photos lacking a caption, credit or alt text. */
  photoGaps?: boolean;
  /** Only stories the viewer may see: not drafts, unless the viewer is an author. */
  hideDraftsExceptOf?: string;
  /** Keyset position: rows after the one with this last change and id. */
  after?: { at: string; id: string };
  limit: number;
  /** Tests only: force one of SQLite's search shapes for a common word. */
  searchShape?: SearchShape;
}

/** One page of stories, newest change first, with keyset pagination on (updated_at, id). */
export async function listStoryRows(db: Db, dialect: Dialect, filter: StoryListFilter): Promise<StorySummary[]> {
  const search = filter.searchTerms && filter.searchTerms.length > 0 ? await searchCondition(db, dialect, filter.searchTerms, filter.headlineOnly ?? false, filter.searchShape) : null;
  const page = (condition: Expression<SqlBool> | null, walk?: { end: PagePosition | undefined }) => {
    let query = db.selectFrom('stories').select([...SUMMARY_COLUMNS, authorIdsColumn]);
    // A walk keeps to the (updated_at, id) order: on the (status, updated_at, id) index, several
    // statuses are read one after another and sorted, probing every story up to the walk's end.
    if (filter.status && filter.status.length > 0) query = query.where(walk && filter.status.length > 1 ? sql<StoryStatus>`+stories.status` : sql.ref('stories.status'), 'in', filter.status);
    if (filter.section) query = query.where('stories.section', '=', filter.section);
    if (filter.photoGaps) query = query.where('stories.photo_gaps', '>', 0);
    if (filter.authorId) {
      const authorId = filter.authorId;
      // A walk asks each story (by the authorship key) rather than fetching the author's every story and sorting them.
      query = walk
        ? query.where((eb) =>
            eb.exists(eb.selectFrom('story_authors').select('story_authors.story_id').whereRef('story_authors.story_id', '=', 'stories.id').where('story_authors.user_id', '=', authorId)),
          )
        : query.where('stories.id', 'in', (eb) => eb.selectFrom('story_authors').select('story_authors.story_id').where('story_authors.user_id', '=', authorId));
    }
    // Drafts only of the viewer's own: authorship is left-joined row by row while walking the
    // (updated_at, id) index, so the query stops at the page's end. (IN or EXISTS under the OR made
    // PostgreSQL hash the viewer's whole story list on every request: ~25 ms of CPU with 100,000
    // stories; see docs/benchmarks.md.)
    const viewerId = filter.hideDraftsExceptOf ?? '';
    query = query.$if(filter.hideDraftsExceptOf !== undefined, (qb) =>
      qb
        .leftJoin('story_authors as viewer', (join) => join.onRef('viewer.story_id', '=', 'stories.id').on('viewer.user_id', '=', viewerId))
        .where((eb) => eb.or([eb('stories.status', '!=', 'draft'), eb('viewer.story_id', 'is not', null)])),
    );
    if (condition) query = query.where(condition);
    if (walk) {
      // SQLite's row values: one range of the (updated_at, id) index, from the cursor to the walk's
      // end. (The OR below made SQLite read both of its arms by index and sort them, probing all.)
      if (filter.after) query = query.where(sql<SqlBool>`(stories.updated_at, stories.id) < (${filter.after.at}, ${filter.after.id})`);
      if (walk.end) query = query.where(sql<SqlBool>`(stories.updated_at, stories.id) >= (${walk.end.at}, ${walk.end.id})`);
    } else if (filter.after) {
      const { at: updatedAt, id } = filter.after;
      query = query.where((eb) =>
        eb.or([eb('stories.updated_at', '<', updatedAt), eb.and([eb('stories.updated_at', '=', updatedAt), eb('stories.id', '<', id)])]),
      );
    }
    return query.orderBy('stories.updated_at', 'desc').orderBy('stories.id', 'desc').limit(filter.limit).execute();
  };
  let rows: Awaited<ReturnType<typeof page>>;
  if (search?.walk) {
    // Test at most WALK_ROWS stories per row asked for, one by one; a page not full by then (the
    // words are rare among the recent stories this viewer may see, with these filters) is answered
    // by the set of all matches instead, as if the walk had not been tried.
    const end = await walkEnd(db, filter.after, WALK_ROWS * filter.limit);
    rows = await page(search.walk, { end });
    if (rows.length < filter.limit && end) rows = await page(search.condition);
  } else {
    rows = await page(search?.condition ?? null);
  }
  return rows.map(({ author_ids, ...row }) => toSummary(row, authorIdsOf(author_ids)));
}

/** Up to this many matching stories, a search fetches them by key; beyond, it filters the list as it walks it. */
const FEW_MATCHES = 1000;
/** Words in at least this share of the stories are common: walked along the list rather than fetched as a set (SQLite: of the newest stories)… */
const DENSE_SHARE = 0.2;
/** …the share measured on the newest this many stories with every word whole. */
const NEWEST = 200;
/**
 * …for at most this many stories of the list per row asked for (of any status or section: one
 * range of the (updated_at, id) index bounds it): twice what a word in a fifth of them needs.
 */
const WALK_ROWS = 10;

/**
 * Where a walk of `rows` stories from `after` (or the top) would end, in the list's order: the
 * last of them, read from the (updated_at, id) index alone; undefined when fewer remain.
 */
async function walkEnd(db: Db, after: PagePosition | undefined, rows: number): Promise<PagePosition | undefined> {
  let query = db.selectFrom('stories').select(['stories.updated_at', 'stories.id']);
  if (after) query = query.where(sql<SqlBool>`(stories.updated_at, stories.id) < (${after.at}, ${after.id})`);
  const row = await query.orderBy('stories.updated_at', 'desc').orderBy('stories.id', 'desc').limit(1).offset(rows - 1).executeTakeFirst();
  return row ? { at: row.updated_at, id: row.id } : undefined;
}

type PagePosition = { at: string; id: string };

interface SearchCondition {
  /** Every story that matches, as a condition on the row. */
  condition: Expression<SqlBool>;
  /** SQLite, a word in many of the newest stories: the same test, cheap per row, for a bounded walk. */
  walk?: Expression<SqlBool>;
}

/** SQLite's shapes, for tests that compare them: chosen by the index (`auto`) or forced. */
export type SearchShape = 'auto' | 'walk' | 'set';

/**
 * Full-text match. Terms are letters and digits only (the service strips everything else), and
 * are passed as parameters, so no query syntax from a user reaches the search engine.
 *
 * Three shapes (see docs/benchmarks.md, API load):
 * - few matches (a rare word): those stories by key, then sorted — walking the (updated_at, id)
 *   order instead would read every story to fill a page (6.5 s on PostgreSQL, 0.2 s on SQLite
 *   with 100,000 stories);
 * - many: walk the (updated_at, id) order and test each story against the set of all matches, so
 *   the page ends after its last row. On SQLite `+seq` keeps the planner on that order; on `seq`
 *   itself it fetched and sorted every match first (7 s). But the set itself is the cost: FTS5
 *   builds a prefix term's whole doclist (all 99,000 matches of a word in every story, ~10–15 ms)
 *   on every query that names it, which is also why a story-by-story probe of the prefix query
 *   costs that much per story;
 * - SQLite, many and dense among the newest stories (every word whole in a fifth of them or
 *   more): walk the list and decide story by story without that set. A story matches if it has
 *   every word whole: for the stories no older than the newest NEWEST such matches (which the
 *   choice below has just read, newest first) that is membership in those; for older ones (an old
 *   story changed lately) a probe FTS5 answers by seeking, ~15–40 µs (a whole word, or a prefix
 *   of 2 or 3 letters, which has its own prefix index). A story cannot match if it lacks a word's
 *   first three letters (another seeking probe). Only in between (say "reporter" for "report") is
 *   the set of all matches built, once per request, and asked. The walk is bounded (WALK_ROWS;
 *   see listStoryRows): words dense in new stories but absent from the recent ones this viewer
 *   may see fall back to the set. A word in nearly every story of 100,000: ~1.5 ms of CPU
 *   against ~13 ms for the set.
 * Which one: SQLite asks FTS5 for the newest NEWEST stories with every word whole (cheap: no
 * prefix merge, and it stops there), whose oldest gives the density; fewer, or not dense, it asks
 * the prefix query for up to FEW_MATCHES (as before: by key, or the set). PostgreSQL asks for up
 * to FEW_MATCHES, except for words its statistics know to be common (see `surelyCommon`).
 */
async function searchCondition(db: Db, dialect: Dialect, terms: string[], headlineOnly: boolean, shape: SearchShape = 'auto'): Promise<SearchCondition> {
  if (dialect === 'sqlite') {
    const query = (words: string[]) => (headlineOnly ? `search_headline : (${words.join(' ')})` : words.join(' '));
    const match = query(terms.map((term) => `"${term}"*`));
    const set = sql<SqlBool>`+stories.seq in (select rowid from stories_fts where stories_fts match ${match})`;
    // Each word whole, but 2 and 3 letters as the prefix they are (their own prefix index).
    const whole = query(terms.map((term) => (indexedPrefix(term) ? `"${term}"*` : `"${term}"`)));
    // A superset: each word's first three letters (words too short or unusual for the prefix index left out).
    const prefixes = terms.map((term) => Array.from(term).slice(0, 3).join('')).filter(indexedPrefix);
    if (shape === 'set') return { condition: set };
    // The newest stories (by creation: FTS5's rowid is `seq`) with every word whole.
    const { rows: newest } = await sql<{ rowid: number }>`select rowid from stories_fts where stories_fts match ${whole} order by rowid desc limit ${NEWEST}`.execute(db);
    // Down to the oldest of them, they are all there are: a story there is tested against them
    // (no FTS5 query at all), an older one by a probe.
    const known = newest.length === NEWEST ? newest[NEWEST - 1]!.rowid : 0;
    const wholeWords = sql<SqlBool>`(case when stories.seq >= ${known} then +stories.seq in (select value from json_each(${JSON.stringify(newest.map((row) => row.rowid))})) else ${probe(whole)} end)`;
    const walk =
      whole === match
        ? wholeWords
        : sql<SqlBool>`(${wholeWords} or (${prefixes.length > 0 ? probe(query(prefixes.map((prefix) => `"${prefix}"*`))) : sql<SqlBool>`1`} and ${set}))`;
    if (shape === 'walk') return { condition: set, walk };
    if (newest.length === NEWEST) {
      const top = await sql<{ seq: number | null }>`select max(seq) as seq from stories`.execute(db);
      if (NEWEST >= DENSE_SHARE * ((top.rows[0]?.seq ?? 0) - known + 1)) return { condition: set, walk };
    }
    const few = await sql<{ rowid: number }>`select rowid from stories_fts where stories_fts match ${match} limit ${FEW_MATCHES}`.execute(db);
    if (few.rows.length < FEW_MATCHES) return { condition: byKeys(sql.ref('stories.seq'), few.rows.map((row) => row.rowid)) };
    return { condition: set };
  }
  // Headline words carry weight A in the tsvector (see `storyWords`).
  const tsquery = terms.map((term) => `${term}:*${headlineOnly ? 'A' : ''}`).join(' & ');
  // PostgreSQL's statistics (ANALYZE keeps the tsvector's most common lexemes) tell a word in
  // thousands of stories without building its whole match set, which is what costs on the way to
  // learning there are more than FEW_MATCHES (0.45 s for a word in every story of 100,000).
  // Many matches: each story of the walk along the list asks its own words (by key, a SubPlan
  // per row), as it did when they were a column of the row; an IN or EXISTS here would be free to
  // become a join that fetches every match first.
  const manyMatches = sql<SqlBool>`(select search from story_search where story_id = stories.id) @@ to_tsquery('simple', ${tsquery})`;
  if (!headlineOnly && (await surelyCommon(db, terms.join(' & ')))) return { condition: manyMatches };
  const few = await sql<{ story_id: string }>`select story_id from story_search where search @@ to_tsquery('simple', ${tsquery}) limit ${FEW_MATCHES}`.execute(db);
  if (few.rows.length < FEW_MATCHES) return { condition: byKeys(sql.ref('stories.id'), few.rows.map((row) => row.story_id)) };
  return { condition: manyMatches };
}

/** Does FTS5 answer `"term"*` from a prefix index of its own (prefix='2 3', migration 003), seeking rather than merging? */
function indexedPrefix(term: string): boolean {
  const letters = Array.from(term);
  // Letters before U+2000 only: scripts whose letters FTS5's tokenizer surely counts as letters too.
  return (letters.length === 2 || letters.length === 3) && letters.every((letter) => letter.codePointAt(0)! < 0x2000);
}

/** SQLite: does FTS5 match this story? Asked with the row's own rowid, which FTS5 seeks to. */
function probe(match: string): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from stories_fts where stories_fts match ${match} and stories_fts.rowid = stories.seq)`;
}

/**
 * Whether the planner's statistics (ANALYZE keeps the tsvector's most common lexemes and their
 * measured shares) put the words — whole, so a lower bound of the prefix search — in more than
 * FEW_MATCHES stories and in at least a fifth of them. Planning only, nothing is read. Whole
 * words, because for a prefix PostgreSQL extrapolates from its most common lexemes only when it
 * has a hundred of them, and otherwise guesses 2% of the table for any prefix, rare or not.
 * (Headline-only searches are not asked: the statistics do not know the headline's weight.)
 */
async function surelyCommon(db: Db, tsquery: string): Promise<boolean> {
  const known = commonWords(db);
  const cached = known.get(tsquery);
  if (cached !== undefined) return cached;
  const common = await askStatistics(db, tsquery);
  known.set(tsquery, common);
  return common;
}

/**
 * `surelyCommon`'s answers, per database, kept for a minute: the statistics it reads change only
 * when PostgreSQL analyzes the table, and asking them again was two of a search's round trips.
 * A stale answer costs only speed: either way the search finds the same stories.
 */
const commonWordsOf = new WeakMap<Db, LRUCache<string, boolean>>();
const COMMON_WORDS_KEPT = 1_000;
const COMMON_WORDS_FOR_MS = 60_000;

function commonWords(db: Db): LRUCache<string, boolean> {
  let cache = commonWordsOf.get(db);
  if (!cache) commonWordsOf.set(db, (cache = new LRUCache({ max: COMMON_WORDS_KEPT, ttl: COMMON_WORDS_FOR_MS })));
  return cache;
}

/** What the planner's statistics say of the words (see `surelyCommon`). */
async function askStatistics(db: Db, tsquery: string): Promise<boolean> {
  const [{ rows: plan }, { rows: table }] = await Promise.all([
    sql<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>`explain (format json) select 1 from story_search where search @@ to_tsquery('simple', ${tsquery})`.execute(db),
    sql<{ total: number }>`select reltuples::float8 as total from pg_class where oid = 'story_search'::regclass`.execute(db),
  ]);
  const estimate = plan[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0;
  const total = table[0]?.total ?? -1;
  // A table never analyzed (reltuples -1) has no statistics to go by: ask the index instead.
  return total > 0 && estimate > FEW_MATCHES && estimate >= DENSE_SHARE * total;
}

/** `column IN (keys)`, or nothing at all for no keys. */
function byKeys(column: Expression<unknown>, keys: Array<string | number>): Expression<SqlBool> {
  if (keys.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`${column} in (${sql.join(keys)})`;
}

/** A story as another story sees it: enough to show and link it. */
export async function findStoryRefs(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('stories')
    .select(['id', 'slug', 'status', 'headline', 'published_at', 'updated_at', authorIdsColumn])
    .where('id', 'in', ids)
    .execute();
  return rows.map(({ author_ids, ...row }) => ({ ...row, authorIds: authorIdsOf(author_ids) }));
}

export async function existingStoryIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('stories').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

/** The body of `sourceId` now points to exactly `targetIds`. */
export async function replaceStoryLinks(db: Db, sourceId: string, targetIds: string[]): Promise<void> {
  await db.deleteFrom('story_links').where('source_id', '=', sourceId).execute();
  if (targetIds.length > 0) {
    await db
      .insertInto('story_links')
      .values(targetIds.map((targetId) => ({ source_id: sourceId, target_id: targetId })))
      .execute();
  }
}

/** Ids of the stories whose bodies point to `targetId`. */
export async function findBacklinkIds(db: Db, targetId: string): Promise<string[]> {
  const rows = await db.selectFrom('story_links').select('source_id').where('target_id', '=', targetId).execute();
  return rows.map((row) => row.source_id);
}

/**
 * Stories whose search text lags behind their last save, with their headline and standfirst (the
 * body is read story by story, `storedBodyAt`), in order of id: after `after`, or among the ids given.
 */
export function staleSearchRows(db: Db, limit: number, from: { after: string | null } | { among: string[] }) {
  let query = db.selectFrom('stories').select(['id', 'revision', 'headline', 'standfirst']).where('search_stale', '=', 1);
  if ('among' in from) query = query.where('id', 'in', from.among);
  else if (from.after !== null) query = query.where('id', '>', from.after);
  return query.orderBy('id').limit(limit).execute();
}

/** The body's JSON text as stored at `revision`; null when the story has been saved since. */
export async function storedBodyAt(db: Db, dialect: Dialect, id: string, revision: number): Promise<string | null> {
  const row = await db.selectFrom('stories').select(assembledBody(dialect).as('body')).where('id', '=', id).where('revision', '=', revision).executeTakeFirst();
  return row?.body ?? null;
}

/**
 * A story the search index refused (it stays found by its last indexed text): marked 2, so the
 * backlog does not try it again until its next save marks it anew.
 */
export async function setAsideFromSearch(db: Db, id: string, revision: number): Promise<void> {
  await db.updateTable('stories').set({ search_stale: 2 }).where('id', '=', id).where('revision', '=', revision).where('search_stale', '=', 1).execute();
}

/** Writes the story's search text made from `revision`; false when it has been saved again since (that save is next). */
export async function writeSearchText(db: Db, dialect: Dialect, id: string, revision: number, columns: { search_text: string; search_headline: string }): Promise<boolean> {
  const { row, searchText } = searchTextOffRow(columns);
  const update = (trx: Db) => trx.updateTable('stories').set({ ...row, search_stale: 0 }).where('id', '=', id).where('revision', '=', revision);
  if (dialect === 'postgres') {
    // The row and its words in one statement.
    const result = await sql`with updated as (${update(db).returning(['id', 'search_headline'])}) ${upsertStoryWords(sql`updated`, searchText!)}`.execute(db);
    return Number(result.numAffectedRows) > 0;
  }
  // SQLite: the row and the index in one transaction.
  return inTransaction(db, async (trx) => {
    const written = Number((await update(trx).executeTakeFirst()).numUpdatedRows) > 0;
    if (written) await indexSearchText(trx, dialect, id, searchText!);
    return written;
  });
}
