import type { LeadPhoto } from '../../../src/domain/story/fields';
import type { StoryStatus } from '../../../src/domain/story/status';
import type { Db } from '../transaction';
import { revisionFields } from './revision-fields';

/** The fields a revision snapshot keeps (see `insertRevisionOfStored` in repositories/stories.ts). */
export interface LiveSnapshot {
  headline: string;
  standfirst: string;
  byline: string;
  dateline: string;
  section: string | null;
  tags: string[];
  seoTitle: string;
  seoDescription: string;
  /** Absent from revisions saved before stories had lead photos. */
  leadPhoto?: LeadPhoto | null;
  body: { type: 'doc'; content?: unknown[] };
}

export interface PublicStory {
  id: string;
  slug: string;
  status: StoryStatus;
  publishedAt: string | null;
  /** When the live revision was saved: the public "updated" time. */
  liveSavedAt: string | null;
  live: LiveSnapshot | null;
}

const liveColumns = [
  'stories.id',
  'stories.slug',
  'stories.status',
  'stories.published_at',
  'stories.live_revision',
  'story_revisions.snapshot',
  'story_revisions.delta_of',
  'story_revisions.saved_at',
] as const;

type LiveRow = {
  id: string;
  slug: string;
  status: string;
  published_at: string | null;
  live_revision: number | null;
  snapshot: string | null;
  delta_of: number | null;
  saved_at: string | null;
};

async function toPublicStory(db: Db, row: LiveRow): Promise<PublicStory> {
  // A revision is made whole when it goes live (see revision-fields.ts); should one be kept as
  // changes all the same, it is put together.
  const live =
    row.snapshot === null ? null : row.delta_of === null ? (JSON.parse(row.snapshot) as LiveSnapshot) : ((await revisionFields(db, row.id, row.live_revision!)) as LiveSnapshot);
  return { id: row.id, slug: row.slug, status: row.status as StoryStatus, publishedAt: row.published_at, liveSavedAt: row.saved_at, live };
}

/** Stories with the revision readers see joined in (none before their first publication). */
function storiesWithLiveRevision(db: Db) {
  return db
    .selectFrom('stories')
    .leftJoin('story_revisions', (join) =>
      join.onRef('story_revisions.story_id', '=', 'stories.id').onRef('story_revisions.revision', '=', 'stories.live_revision'),
    )
    .select(liveColumns);
}

/** A story by its web address, with the revision readers see. */
export async function findPublicStoryBySlug(db: Db, slug: string): Promise<PublicStory | undefined> {
  const row = await storiesWithLiveRevision(db).where('stories.slug', '=', slug).executeTakeFirst();
  return row ? toPublicStory(db, row) : undefined;
}

/** Live revisions of these stories (for "Read also" and links on a public page). */
export async function findPublicStories(db: Db, ids: string[]): Promise<PublicStory[]> {
  if (ids.length === 0) return [];
  return Promise.all((await storiesWithLiveRevision(db).where('stories.id', 'in', ids).execute()).map((row) => toPublicStory(db, row)));
}

/** The latest published stories, newest publication first (the RSS feed). */
export async function latestPublished(db: Db, limit: number): Promise<PublicStory[]> {
  const rows = await db
    .selectFrom('stories')
    .innerJoin('story_revisions', (join) =>
      join.onRef('story_revisions.story_id', '=', 'stories.id').onRef('story_revisions.revision', '=', 'stories.live_revision'),
    )
    .select(liveColumns)
    .where('stories.status', '=', 'published')
    .orderBy('stories.published_at', 'desc')
    .orderBy('stories.id', 'desc')
    .limit(limit)
    .execute();
  return Promise.all(rows.map((row) => toPublicStory(db, row)));
}

/** Corrections readers should be told about: when and what. */
export function findCorrections(db: Db, storyId: string) {
  return db
    .selectFrom('story_events')
    .select(['at', 'note'])
    .where('story_id', '=', storyId)
    .where('kind', '=', 'correction')
    .orderBy('at')
    .execute();
}
