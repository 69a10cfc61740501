import type { Generated } from 'kysely';

/**
 * Tables as Kysely sees them. Timestamps are ISO-8601 UTC strings in both databases, so they
 * sort as text and compare the same way on SQLite and PostgreSQL. JSON columns hold text.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  stories: StoriesTable;
  story_authors: StoryAuthorsTable;
  story_revisions: StoryRevisionsTable;
  story_body_parts: StoryBodyPartsTable;
  photos: PhotosTable;
  story_links: StoryLinksTable;
  story_events: StoryEventsTable;
  story_presence: StoryPresenceTable;
}

/** One entry of a story's audit log. */
export interface StoryEventsTable {
  id: string;
  story_id: string;
  /** `transition` (a workflow move) or `correction` (an update to a published story made live). */
  kind: string;
  from_status: string;
  to_status: string;
  note: string | null;
  /** The story's revision at the time: what went live, for publications and corrections. */
  revision: number;
  actor_id: string;
  at: string;
}

/** Which story's body points to which ("linked from"), rebuilt for a story on every save of its body. */
export interface StoryLinksTable {
  source_id: string;
  target_id: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a leaked table does not hand out sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailuresTable {
  /** `email:<address>` or `ip:<address>`. */
  key: string;
  failures: number;
  last_failure_at: string;
}

export interface StoriesTable {
  /** SQLite only: the integer key the full-text index points at. */
  seq?: Generated<number>;
  id: string;
  slug: string;
  status: string;
  headline: string;
  standfirst: string;
  byline: string;
  dateline: string;
  section: string | null;
  /** JSON array of strings. */
  tags: string;
  seo_title: string;
  seo_description: string;
  /** JSON `{ photoId, caption, credit, alt }`, or null when the story has no lead photo. */
  lead_photo: string | null;
  /**
   * How the body (ProseMirror JSON) is cut into `story_body_parts`: a JSON array of
   * `[part, blockCount]`, in order (see db/body-parts.ts).
   */
  body_parts: string;
  /**
   * Headline, standfirst and body as plain text, folded (lower case, no accents) so that both
   * databases match "cafe" to "Café" the same way. Only the full-text index reads it, and the
   * row keeps '': the text is handed to the index and not kept (`stories_fts` on SQLite,
   * migration 012; `story_search` on PostgreSQL, migration 014).
   */
  search_text: string;
  /** The headline alone, folded the same way: the story picker searches headlines only. */
  search_headline: string;
  /** 1 while the two above lag behind a save (services/search-backlog.ts catches them up). */
  search_stale: Generated<number>;
  word_count: number;
  revision: number;
  live_revision: number | null;
  /** The revision approved (or scheduled) by a chief editor; what the scheduler publishes. */
  approved_revision: Generated<number | null>;
  /** How many of the story's photos lack a caption, credit or alt text (the photo desk's view). */
  photo_gaps: Generated<number>;
  created_by: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  scheduled_at: string | null;
}

/** A run of a story's top-level blocks (migration 013): a save rewrites the parts it changed. */
export interface StoryBodyPartsTable {
  story_id: string;
  /** The part's key within its story; the story's `body_parts` orders them. */
  part: number;
  block_count: number;
  /** The blocks' JSON, comma-separated: the parts joined in order make the body's `content`. */
  blocks: string;
}

export interface StoryAuthorsTable {
  story_id: string;
  user_id: string;
}

export interface StoryRevisionsTable {
  story_id: string;
  revision: number;
  /**
   * JSON of the story's editable fields at this revision; or, when `delta_of` is set, of what
   * changed since that revision (see repositories/revision-fields.ts).
   */
  snapshot: string;
  saved_by: string;
  saved_at: string;
  /** The editor (one open tab) that sent the save, so a retried save is not a conflict with itself. */
  editor_id: string | null;
  /** Why this revision exists, when not an ordinary save ("Restored from revision 4"). */
  note: string | null;
  /**
   * The revision the save was made on: the one before for a save made on the latest, older for
   * a save merged with others' (then the saved content is more than its editor has seen). Null
   * for the first revision.
   */
  base_revision: number | null;
  /** The revision this one is kept as changes to (the one before it); null for a whole snapshot. */
  delta_of: Generated<number | null>;
}

/** Who has a story open: one row per open editor, refreshed by its heartbeat. */
export interface StoryPresenceTable {
  story_id: string;
  editor_id: string;
  user_id: string;
  seen_at: string;
}

export interface PhotosTable {
  /** SHA-256 of the original file, hex: names its files too. */
  id: string;
  /** jpeg, png, webp or avif, as read from the content. */
  format: string;
  /** Upright size in pixels. */
  width: number;
  height: number;
  byte_size: number;
  original_name: string;
  caption: string;
  credit: string;
  creator: string;
  copyright: string;
  alt: string;
  /** Caption, credit and creator, folded like story search text. */
  search_text: string;
  uploaded_by: string;
  created_at: string;
  updated_at: string;
}
