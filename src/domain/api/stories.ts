import type { DocumentJSON } from '../document/types';
import type { LeadPhoto, StoryFields } from '../story/fields';
import type { Section } from '../story/sections';
import type { StoryStatus } from '../story/status';

/** A story as the API returns it. */
export interface Story {
  id: string;
  slug: string;
  status: StoryStatus;
  headline: string;
  standfirst: string;
  byline: string;
  authorIds: string[];
  dateline: string;
  section: Section | null;
  tags: string[];
  seoTitle: string;
  seoDescription: string;
  /** The photo at the top of the story, with this story's caption, credit and alt text for it. */
  leadPhoto: LeadPhoto | null;
  body: DocumentJSON;
  /** +1 on every accepted save; send it back as `If-Match`. */
  revision: number;
  /** The revision the public site shows; null until published. */
  liveRevision: number | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  scheduledAt: string | null;
  wordCount: number;
}

/** A saved story; `merged` when the save was made on an older revision and merged with the saves made since. */
export type SavedStory = Story & { merged?: true };

/** The details of a 409 `conflict` answer to a save. */
export interface ConflictDetails {
  currentRevision: number;
  /** The story as it now is. */
  story: Story;
  /** Its editable fields at the revision the save was made on; null when that revision is no longer kept. */
  base: StoryFields | null;
  /** The items both sides changed: field names, `block:<id>`, or `body`. */
  conflicts: string[];
}

/** A row of the story list: everything but the body. */
export type StorySummary = Omit<Story, 'body'>;

/** A story as another story shows it ("Read also", links, "Linked from"). */
export interface StoryRef {
  id: string;
  slug: string;
  status: StoryStatus;
  headline: string;
  publishedAt: string | null;
  updatedAt: string;
}

export interface StoryRefsResponse {
  items: StoryRef[];
}

export const STORY_REFS_LIMIT = 100;

export interface StoryListResponse {
  items: StorySummary[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const STORY_LIST_LIMITS = { defaultLimit: 30, maxLimit: 100, maxQueryChars: 200 } as const;

/** A 409 answer to a stale save carries the story as it now is. */
export interface ConflictDetails {
  currentRevision: number;
  story: Story;
}

/** One entry of a story's audit log. */
export interface StoryEvent {
  id: string;
  kind: 'transition' | 'correction';
  from: StoryStatus;
  to: StoryStatus;
  note: string | null;
  revision: number;
  at: string;
  actor: { id: string; name: string };
}

export interface StoryEventsResponse {
  items: StoryEvent[];
}

/** A 422 answer to an approval or publication the checklist refuses. */
export interface ChecklistFailedDetails {
  items: Array<{ id: string; label: string; problem?: string; target?: string }>;
}
