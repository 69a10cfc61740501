import { randomUUID } from 'node:crypto';
import type { Story, StoryListResponse } from '../../src/domain/api/stories';
import type { SessionUser } from '../../src/domain/api/users';
import { can } from '../../src/domain/auth/permissions';
import { countWords, documentText, wordCountAfter } from '../../src/domain/document/text';
import type { DocumentJSON } from '../../src/domain/document/types';
import { emptyDocument } from '../../src/domain/document/types';
import { checkAssembledDocument, validateDocument } from '../../src/domain/document/validate';
import { applyBodyPatch, type BodyPatch } from '../../src/domain/story/body-patch';
import { bodyFacts, recordInPlaceEdit, sameReferences } from '../../src/domain/document/body-facts';
import { onlyPhotoDeskChangesJSON } from '../../src/domain/document/photo-desk';
import type { StoryFieldName, StoryFields } from '../../src/domain/story/fields';
import type { Section } from '../../src/domain/story/sections';
import { photoGapCount } from '../../src/domain/story/photo-gaps';
import { fieldsOf } from '../../src/domain/story/fields-of';
import { blockIndex, mergeStories, type MergeConflict } from '../../src/domain/story/merge';
import type { ConflictDetails, SavedStory } from '../../src/domain/api/stories';
import { slugify } from '../../src/domain/story/slug';
import type { StoryStatus } from '../../src/domain/story/status';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/connection';
import type { Database } from '../db/schema';
import {
  findStory,
  latestOwnRevisionAfter,
  insertRevision,
  insertStory,
  listStoryRows,
  loadStory,
  onlyOwnRevisionsAfter,
  replaceStoryLinks,
  slugExists,
  updateStoryIfRevision,
  updateStoryWithRevision,
  type StoryRow,
} from '../db/repositories/stories';
import { isUniqueViolation } from '../db/errors';
import { inTransaction, type Db } from '../db/transaction';
import { committedToDisk, inSharedCommit } from '../db/shared-commit';
import { knownStory, storedBodies, type KnownStory } from '../db/stored-bodies';
import { deepFreeze, planBodyWrite } from '../db/body-parts';
import { revisionDelta, revisionFields, WHOLE_SNAPSHOT_EVERY, wholeSnapshot } from '../db/repositories/revision-fields';
import { decodeCursor, pageOf, searchTerms } from './list-paging';
import { existingPhotoIds } from '../db/repositories/photos';
import { conflict, forbidden, notFound, preconditionFailed, preconditionRequired, validationFailed } from '../errors';
import { checkReferences } from './story-links';
import { THIN_EVERY_REVISIONS, thinRevisions } from './revision-thinning';
import { searchBacklog, searchColumns } from './search-backlog';

export interface StoryStore {
  db: Db;
  dialect: Dialect;
}

type StoryColumns = Pick<
  StoryRow,
  | 'headline'
  | 'standfirst'
  | 'byline'
  | 'dateline'
  | 'section'
  | 'tags'
  | 'seo_title'
  | 'seo_description'
  | 'lead_photo'
  | 'photo_gaps'
  | 'body_parts'
  | 'word_count'
  | 'search_text'
  | 'search_headline'
  | 'search_stale'
  | 'slug'
>;

/**
 * The database columns for a set of edited fields. The body yields its word count: counted
 * whole, or from `was` (the stored body and its count) by the blocks that differ; its parts and
 * their outline are the caller's (`planBodyWrite`). The search text needs headline, standfirst
 * and body together, so the caller adds it.
 */
function columnsFor(fields: Partial<StoryFields>, was?: { body: DocumentJSON; wordCount: number }): Partial<StoryColumns> {
  const columns: Partial<StoryColumns> = {};
  if (fields.headline !== undefined) columns.headline = fields.headline;
  if (fields.standfirst !== undefined) columns.standfirst = fields.standfirst;
  if (fields.byline !== undefined) columns.byline = fields.byline;
  if (fields.dateline !== undefined) columns.dateline = fields.dateline;
  if (fields.section !== undefined) columns.section = fields.section;
  if (fields.tags !== undefined) columns.tags = JSON.stringify(fields.tags);
  if (fields.seoTitle !== undefined) columns.seo_title = fields.seoTitle;
  if (fields.seoDescription !== undefined) columns.seo_description = fields.seoDescription;
  if (fields.leadPhoto !== undefined) columns.lead_photo = fields.leadPhoto ? JSON.stringify(fields.leadPhoto) : null;
  if (fields.body !== undefined) {
    columns.word_count = was ? wordCountAfter(was.body, was.wordCount, fields.body) : countWords(documentText(fields.body));
  }
  return columns;
}

async function uniqueSlug(db: Db, base: string, fallback: string): Promise<string> {
  const stem = base || fallback;
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? stem : `${stem}-${n}`;
    if (!(await slugExists(db, candidate))) return candidate;
  }
  return `${stem}-${randomUUID().slice(0, 8)}`;
}

/** Fetches a story the actor may see; one they may not see is "not found", so drafts stay private. */
export async function visibleStory(store: StoryStore, actor: SessionUser, id: string) {
  const found = await findStory(store.db, store.dialect, id);
  if (!found || !can(actor, 'story:view', found.story)) throw notFound('Story not found');
  return found;
}

export async function getStory(store: StoryStore, actor: SessionUser, id: string): Promise<Story> {
  return (await visibleStory(store, actor, id)).story;
}

export interface NewStoryOptions {
  status?: StoryStatus;
  /** Seeding sets these; people always start with a draft. */
  publishedAt?: string | null;
  now?: Date;
}

export async function createStory(
  store: StoryStore,
  actor: SessionUser,
  input: Partial<StoryFields>,
  options: NewStoryOptions = {},
): Promise<Story> {
  if (!can(actor, 'story:create')) throw forbidden('Your role cannot create stories');
  const id = randomUUID();
  const now = (options.now ?? new Date()).toISOString();
  await assertPhotosExist(store.db, input);
  const body = input.body ?? validateBody(emptyDocument());
  const status = options.status ?? 'draft';
  const fields: StoryFields = {
    headline: input.headline ?? '',
    standfirst: input.standfirst ?? '',
    byline: input.byline ?? actor.name,
    dateline: input.dateline ?? '',
    section: input.section ?? null,
    tags: input.tags ?? [],
    seoTitle: input.seoTitle ?? '',
    seoDescription: input.seoDescription ?? '',
    leadPhoto: input.leadPhoto ?? null,
    body,
  };
  const columns = columnsFor(fields);
  const parts = planBodyWrite(null, fields.body)!;
  columns.body_parts = parts.outline;
  Object.assign(columns, searchColumns(fields.headline, fields.standfirst, fields.body), { photo_gaps: photoGapCount(fields.leadPhoto, fields.body) });
  const references = await checkReferences(store.db, id, fields.body);
  const live = status === 'published';
  // Two stories created at once with one headline race for its slug; the unique index decides
  // and the loser takes the next free one.
  for (let attempt = 1; ; attempt++) {
    // After several lost races (many stories with one headline at once) a random tail ends the contest.
    const wanted = slugify(fields.headline);
    const slug = await uniqueSlug(store.db, attempt > 4 && wanted ? `${wanted}-${id.slice(0, 6)}` : wanted, `story-${id.slice(0, 8)}`);
    try {
      await inTransaction(store.db, async (trx) => {
        await insertStory(
          trx,
          store.dialect,
          {
            ...(columns as Omit<StoryColumns, 'slug'>),
            id,
            slug,
            status,
            revision: 1,
            live_revision: live ? 1 : null,
            created_by: actor.id,
            created_at: now,
            updated_at: now,
            published_at: live ? (options.publishedAt ?? now) : null,
            scheduled_at: null,
          },
          [actor.id],
          parts.upserts,
        );
        await replaceStoryLinks(trx, id, references);
        const revision = { story_id: id, revision: 1, saved_by: actor.id, saved_at: now, editor_id: null, note: null, base_revision: null };
        await insertRevision(trx, revision, { deltaOf: null, text: wholeSnapshot(fields) });
      });
      break;
    } catch (error) {
      if (attempt < 8 && isUniqueViolation(error) && (await slugExists(store.db, slug))) continue;
      throw error;
    }
  }
  return (await loadStory(store.db, store.dialect, id))!;
}

function validateBody(doc: unknown) {
  const result = validateDocument(doc);
  if (!result.ok) throw new Error(`Invalid built-in document: ${result.problems[0]?.message}`);
  return result.doc;
}

export interface SaveRequest {
  /** The revision the changes were made on (If-Match); null when the client sent none. */
  baseRevision: number | null;
  /** The sending editor (one open tab), when it says. */
  editorId: string | null;
  changes: Partial<StoryFields>;
  /** The body as the blocks changed since `baseRevision` (instead of `changes.body`). */
  bodyPatch?: BodyPatch;
  /** A note kept with the revision in the history ("Restored from revision 4"). */
  note?: string;
}

/** How many times a save is merged again when other saves keep landing between read and write. */
const SAVE_ATTEMPTS = 4;

/**
 * Saves changed fields against the revision the client started from. A stale revision is
 * merged with the saves made since (fields whole, the body block by block, see
 * `domain/story/merge.ts`); edits that overlap are a conflict (409) carrying the story as it
 * now is, the base the client started from and the overlapping items, so nothing is
 * overwritten silently. Every save since being this editor's own (an answer lost on the way
 * back, then retried) applies as sent: an editor is never in conflict with itself. A save that
 * changes nothing keeps the revision.
 */
export async function saveStory(store: StoryStore, actor: SessionUser, id: string, request: SaveRequest): Promise<SavedStory> {
  if (request.baseRevision === null) {
    throw preconditionRequired('Send If-Match with the revision you edited, e.g. If-Match: "3"');
  }
  // Usually an editor saves on top of its own last save, which this process remembers: saved on
  // that without reading the story first (on PostgreSQL one round trip fewer). The write happens
  // only if the row is still as it was (see ExpectedRow); anything else (another save, a move in
  // the workflow, a refusal judged on what may be out of date, nothing to write) goes the usual way.
  const known = storedBodies(store.db)?.get(id);
  if (known && known.story.revision === request.baseRevision) {
    const saved = await trySave(store, actor, id, request, request.baseRevision, known).catch((): typeof LOST_RACE => LOST_RACE);
    if (saved !== LOST_RACE) return saved;
  }
  for (let attempt = 1; ; attempt++) {
    const saved = await trySave(store, actor, id, request, request.baseRevision);
    if (saved !== LOST_RACE) return saved;
    // Another save landed between our read and our write: merge again on top of it.
    if (attempt === SAVE_ATTEMPTS) {
      const latest = await visibleStory(store, actor, id);
      throw staleRevision(latest.story, request.baseRevision, await revisionFields(store.db, id, request.baseRevision), []);
    }
  }
}

const LOST_RACE = Symbol('lost race');

async function trySave(
  store: StoryStore,
  actor: SessionUser,
  id: string,
  { editorId, changes: fields, bodyPatch, note }: SaveRequest,
  baseRevision: number,
  /** The story as this process last knew it, to save on without reading it (see saveStory). */
  known?: KnownStory,
): Promise<SavedStory | typeof LOST_RACE> {
  if (known && !can(actor, 'story:view', known.story)) return LOST_RACE;
  // A copy of what is remembered (frozen), so the answer built from it is the caller's to change.
  const { row: current, story } = known ? knownStory(known.row, known.story) : await visibleStory(store, actor, id);
  const editsText = can(actor, 'story:edit', story);
  if (!editsText && !can(actor, 'story:editPhotos', story)) throw forbidden(editRefusal(actor, story));
  if (baseRevision > story.revision) throw staleRevision(story, baseRevision, null, []);
  // From here on a patched body is the whole body the client has: merged and checked as one.
  const sent = bodyPatch ? { ...fields, body: await patchedBody(store, story, baseRevision, bodyPatch) } : fields;

  let changes = sent;
  let merged = false;
  // What the save was made on: the latest revision, unless it is merged below.
  let madeOn = story.revision;
  if (baseRevision !== story.revision) {
    const ownRetry = editorId !== null && (await onlyOwnRevisionsAfter(store.db, id, baseRevision, actor.id, editorId));
    if (!ownRetry) {
      // Merged against the newest revision this editor made since (an answer it never got), else the one it names.
      const ownLatest = editorId !== null ? await latestOwnRevisionAfter(store.db, id, baseRevision, actor.id, editorId) : null;
      madeOn = ownLatest ?? baseRevision;
      const base = await revisionFields(store.db, id, madeOn);
      // The photo desk's rule is about what it changed: judged against what it started from. With
      // that revision no longer kept, what it changed in the body cannot be told: the merge then
      // puts every difference to it as a conflict, and its next save is judged against the story
      // as it is. The fields it may never change are refused all the same.
      if (!editsText) assertOnlyPhotoDeskChanges(base ?? fieldsOf(story), base ? sent : { ...sent, body: undefined });
      const result = mergeStories(base, fieldsOf(story), sent);
      if (result.conflicts.length > 0) throw staleRevision(story, baseRevision, base, result.conflicts);
      const body = result.changed.includes('body') ? validateDocument(result.fields.body) : null;
      if (body && !body.ok) throw staleRevision(story, baseRevision, base, [{ kind: 'body', key: 'body', base: base?.body ?? null, theirs: story.body, mine: sent.body! }]);
      changes = Object.fromEntries(result.changed.map((field) => [field, field === 'body' ? body!.doc : result.fields[field]]));
      merged = true;
    }
  }
  // Judged against the story as it now is, so only after the revision check.
  if (!editsText && !merged) assertOnlyPhotoDeskChanges(fieldsOf(story), changes);
  await assertPhotosExist(store.db, changes, story);

  const columns = columnsFor(changes, story);
  // The parts of the body that changed (none when it did not), and their outline.
  const body = changes.body !== undefined ? planBodyWrite({ body: story.body, outline: current.body_parts }, changes.body) : null;
  if (body) columns.body_parts = body.outline;
  const changed = Object.fromEntries(
    Object.entries(columns).filter(([column, value]) => (current as Record<string, unknown>)[column] !== value),
  ) as Partial<StoryColumns>;
  if (Object.keys(changed).length === 0 && !body) {
    // Nothing to write, so no write tells whether the story known is still the one stored: read it.
    if (known) return LOST_RACE;
    // Nothing to write, but the revision answered with may be a save committed a moment ago whose
    // log is not yet on disk (a retry of that very save, say): answered only once it is.
    await committedToDisk(store.db);
    return merged ? { ...story, merged: true } : story;
  }
  // The story is marked and the search backlog indexes it after the answer (see search-backlog.ts);
  // inside a caller's transaction there is no backlog to hand it to, so the text is written with the save.
  const backlog = backlogOf(store);
  if (changed.headline !== undefined || changed.standfirst !== undefined || body) {
    if (backlog) changed.search_stale = 1;
    else {
      Object.assign(
        changed,
        searchColumns(changed.headline ?? current.headline, changed.standfirst ?? current.standfirst, changes.body ?? story.body),
      );
    }
  }
  if (body || changed.lead_photo !== undefined) {
    changed.photo_gaps = photoGapCount(changes.leadPhoto !== undefined ? changes.leadPhoto : story.leadPhoto, changes.body ?? story.body);
  }
  // The links index changes only when the stories the body points to do (and stories are never
  // deleted, so the ones it pointed to still exist): most saves change a paragraph's words.
  const references = body && !sameReferences(changes.body!, story.body) ? await checkReferences(store.db, id, changes.body!) : null;
  // Until it is approved (and never once published) a story's web address follows its headline;
  // after that, links to it may already have gone out.
  if (changed.headline !== undefined && story.publishedAt === null && ['draft', 'submitted', 'ready'].includes(story.status)) {
    const wanted = slugify(changed.headline);
    if (wanted && wanted !== story.slug) changed.slug = await uniqueSlug(store.db, wanted, story.slug);
  }

  const now = new Date().toISOString();
  const revision = story.revision + 1;
  // The saved story is known without reading it back: the stored one plus the changes.
  const updated: Story = {
    ...story,
    ...changes,
    slug: changed.slug ?? story.slug,
    wordCount: changed.word_count ?? story.wordCount,
    revision,
    updatedAt: now,
  };
  const revisionMeta = { story_id: id, revision, saved_by: actor.id, saved_at: now, editor_id: editorId, note: note ?? null, base_revision: madeOn };
  const columnsSaved = { ...changed, revision, updated_at: now };
  // The revision is kept as what changed since the one before (a paragraph, not 70 KB), but for
  // one whole snapshot every WHOLE_SNAPSHOT_EVERY revisions (see db/repositories/revision-fields.ts).
  const delta = revision % WHOLE_SNAPSHOT_EVERY === 0 ? null : revisionDelta(fieldsOf(story), fieldsOf(updated));
  const revisionText = delta ? { deltaOf: story.revision, text: JSON.stringify(delta) } : { deltaOf: null, text: wholeSnapshot(updated) };
  // On PostgreSQL a save that leaves the links alone (nearly all) is one statement; saves made at
  // the same moment share one commit on SQLite (see db/shared-commit.ts).
  const expected = {
    revision: story.revision,
    status: story.status,
    updatedAt: story.updatedAt,
    liveRevision: story.liveRevision,
    publishedAt: story.publishedAt,
    scheduledAt: story.scheduledAt,
  };
  const won =
    store.dialect === 'postgres' && !references
      ? await updateStoryWithRevision(store.db, expected, columnsSaved, body, revisionMeta, revisionText)
      : await inSharedCommit(store.db, store.dialect, async (trx) => {
          if (!(await updateStoryIfRevision(trx, store.dialect, id, expected, columnsSaved, body))) return false;
          if (references) await replaceStoryLinks(trx, id, references);
          await insertRevision(trx, revisionMeta, revisionText);
          return true;
        });
  if (!won) return LOST_RACE;
  // Committed: the next save of this story starts from this story without reading it back.
  const row = { ...current, ...changed, revision, updated_at: now };
  storedBodies(store.db)?.remember(id, knownStory(row, updated));
  if (changed.search_stale) backlog?.soon();
  // Housekeeping after the save is committed: a failure here must not answer the save as failed.
  if (revision % THIN_EVERY_REVISIONS === 0) await thinRevisions(store.db, id).catch((error: unknown) => console.error(`thinning the history of story ${id} failed`, error));
  return merged ? { ...updated, merged: true } : updated;
}

/** The database's search backlog; none inside a caller's transaction (its writes are not yet visible to it). */
function backlogOf(store: StoryStore) {
  return store.db.isTransaction ? null : searchBacklog(store.db as Kysely<Database>, store.dialect);
}

/**
 * The body a patch makes on the revision it was made on. Its blocks were checked one by one
 * when the request was read; what spans blocks (limits, ids used once) is checked here.
 */
async function patchedBody(store: StoryStore, story: Story, baseRevision: number, patch: BodyPatch) {
  const base = baseRevision === story.revision ? story.body : (await revisionFields(store.db, story.id, baseRevision))?.body;
  if (!base) throw preconditionFailed(`Revision ${baseRevision} is no longer kept, so the changed blocks cannot be placed: send the whole body`, { bodyPatch: 'base_missing' });
  const result = applyBodyPatch(base, patch);
  if (!result.ok) throw preconditionFailed(`Cannot apply the body patch to revision ${baseRevision}: ${result.message}`, { bodyPatch: 'does_not_apply' });
  // Frozen now, as it will be remembered: what is worked out from it from here on (its block
  // index, its facts, each new block's text) is kept for the next save, not worked out again.
  if (result.replaced && Object.isFrozen(base)) {
    // Blocks changed in place on a kept body: the rest are its blocks, frozen already, and what
    // is known of it holds for them (see document/body-facts.ts).
    for (const at of result.replaced) deepFreeze(result.doc.content![at]);
    Object.freeze(result.doc);
    recordInPlaceEdit(result.doc.content!, base.content!, result.replaced);
    // Asked for now, while the base is held: the next save's patch is placed by this index.
    blockIndex(result.doc);
  } else deepFreeze(result.doc);
  const problems = checkAssembledDocument(result.doc);
  if (problems.length > 0) throw validationFailed(`bodyPatch: ${problems[0]!.message}`, { in: 'body', problems: [{ field: 'bodyPatch', message: problems[0]!.message }] });
  return result.doc;
}

/**
 * A save that could not be merged: the story as it now is, the fields at the revision the client
 * started from (null when that revision is no longer kept) and the items both sides changed.
 */
function staleRevision(story: Story, baseRevision: number, base: StoryFields | null, conflicts: MergeConflict[]) {
  return conflict(
    `This story was saved by someone else (revision ${story.revision}) after the revision you edited (${baseRevision}), and your changes overlap theirs`,
    { currentRevision: story.revision, story, base, conflicts: conflicts.map(({ key }) => key) } satisfies ConflictDetails,
  );
}

const PHOTO_DESK_FIELDS: ReadonlySet<StoryFieldName> = new Set(['leadPhoto', 'body']);

/**
 * The photo desk changes the lead photo and the caption, credit and alt text of figures, and
 * nothing else: any other field that differs from the stored story, or a body that differs
 * elsewhere, refuses the whole save.
 */
function assertOnlyPhotoDeskChanges(story: StoryFields, changes: Partial<StoryFields>) {
  for (const [field, value] of Object.entries(changes) as Array<[StoryFieldName, unknown]>) {
    if (PHOTO_DESK_FIELDS.has(field) || JSON.stringify(value) === JSON.stringify(story[field])) continue;
    throw forbidden(`${PHOTO_DESK_REFUSAL} (this save changes ${FIELD_LABELS[field]})`);
  }
  if (changes.body && !onlyPhotoDeskChangesJSON(story.body, changes.body)) {
    throw forbidden(`${PHOTO_DESK_REFUSAL} (this save changes the body text outside photo captions, credits and alt text)`);
  }
}

const PHOTO_DESK_REFUSAL = 'The photo desk can change the lead photo and the captions, credits and alt text of photos, not the story text';

const FIELD_LABELS: Record<StoryFieldName, string> = {
  headline: 'the headline',
  standfirst: 'the standfirst',
  byline: 'the byline',
  dateline: 'the dateline',
  section: 'the section',
  tags: 'the tags',
  seoTitle: 'the SEO title',
  seoDescription: 'the SEO description',
  leadPhoto: 'the lead photo',
  body: 'the body',
};

/**
 * A lead photo or figure must show a photo that is in the library. Photos the stored story
 * already shows are known to be there (photos are never deleted), so only new ones are looked up.
 */
async function assertPhotosExist(db: Db, fields: Partial<StoryFields>, stored?: Story) {
  const inBody = fields.body ? bodyFacts(fields.body).photoIds : null;
  // The same photos as the stored body's (the usual save: a paragraph's words): nothing new to look up.
  const wanted = new Set<string>(inBody && inBody !== (stored && bodyFacts(stored.body).photoIds) ? inBody.keys() : []);
  if (fields.leadPhoto?.photoId) wanted.add(fields.leadPhoto.photoId);
  if (stored && wanted.size > 0) {
    for (const photoId of bodyFacts(stored.body).photoIds.keys()) wanted.delete(photoId);
    if (stored.leadPhoto?.photoId) wanted.delete(stored.leadPhoto.photoId);
  }
  if (wanted.size === 0) return;
  const found = new Set(await existingPhotoIds(db, [...wanted]));
  const missing = [...wanted].filter((photoId) => !found.has(photoId));
  if (missing.length > 0) {
    throw validationFailed(`No photo ${missing[0]} in the library: upload it before placing it in a story`, { missingPhotoIds: missing });
  }
}

function editRefusal(actor: SessionUser, story: Story): string {
  if (story.status === 'spiked') return 'This story is spiked; restore it before editing';
  if (actor.role === 'reporter') {
    return story.authorIds.includes(actor.id)
      ? 'This story is with the desk now; ask an editor to send it back to edit it'
      : 'Reporters can edit only their own stories';
  }
  return 'Your role cannot edit stories';
}

export interface StoryListOptions {
  status?: StoryStatus[];
  section?: Section;
  q?: string;
  /** Search headlines only (the story picker), or everything. */
  scope?: 'all' | 'headline';
  /** `incomplete`: only stories with photos lacking a caption, credit or alt text. */
  photos?: 'incomplete';
  author?: string;
  cursor?: string;
  limit: number;
}

export async function listStories(store: StoryStore, actor: SessionUser, options: StoryListOptions): Promise<StoryListResponse> {
  if (!can(actor, 'story:list')) throw forbidden('Your role has no access to stories');
  const terms = searchTerms(options.q);
  // Whoever searches sees every save answered before: the index catches up first (usually nothing to do).
  if (terms.length > 0) await backlogOf(store)?.beforeSearch();
  const rows = await listStoryRows(store.db, store.dialect, {
    status: options.status,
    section: options.section,
    authorId: options.author === 'me' ? actor.id : options.author,
    searchTerms: terms,
    headlineOnly: options.scope === 'headline',
    photoGaps: options.photos === 'incomplete',
    hideDraftsExceptOf: actor.role === 'reporter' ? actor.id : undefined,
    after: options.cursor ? decodeCursor(options.cursor) : undefined,
    limit: options.limit + 1,
  });
  return pageOf(rows, options.limit, (story) => ({ at: story.updatedAt, id: story.id }));
}
