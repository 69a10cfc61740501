import type { LightMyRequestResponse } from 'fastify';
import type { Story } from '../../src/domain/api/stories';
import type { Account } from '../../src/domain/api/users';
import { can, canTransition, type Actor } from '../../src/domain/auth/permissions';
import type { StoryStatus } from '../../src/domain/story/status';
import { transitionsFrom } from '../../src/domain/story/workflow';

/**
 * Who may call each route: the table the access matrix (access-matrix.test.ts) checks every
 * registered route against, as every role and as an anonymous visitor. The answers come from
 * the permissions module (`can`, `canTransition`), not from a list of outcomes written by hand.
 *
 * A route with no entry here fails the matrix, naming the route: whoever adds a route says here
 * who may call it. An entry whose route is gone fails too.
 */

/** The stories each story route is tried on: every state, someone's own and someone else's. */
export type StoryKind =
  | 'draft by reporter'
  | 'draft by reporter2'
  | 'submitted by reporter2'
  | 'ready'
  | 'approved'
  | 'scheduled'
  | 'published, update pending'
  | 'unpublished'
  | 'spiked';

export const STORY_KINDS: readonly StoryKind[] = [
  'draft by reporter',
  'draft by reporter2',
  'submitted by reporter2',
  'ready',
  'approved',
  'scheduled',
  'published, update pending',
  'unpublished',
  'spiked',
];

/** What the matrix makes for the cases: real records, created through the services. */
export interface MatrixFixtures {
  accounts: Record<'reporter' | 'reporter2' | 'editor' | 'photo_editor' | 'chief_editor' | 'admin', Account>;
  /** A new story of this kind (a complete one: it passes the publish checklist). */
  story(kind: StoryKind): Promise<Story>;
  /** A photo in the library. */
  photoId: string;
  /** A JPEG to upload. */
  jpeg: { payload: Buffer; contentType: string };
  /** A new account, for account changes. */
  account(): Promise<Account>;
  /** An account to log in as (email and password). */
  login: { email: string; password: string };
  /** A fresh, unused email address. */
  email(): string;
}

export interface AccessCase {
  /** Which fixture the case is about (shown when it fails). */
  label: string;
  /** Path parameters (`:id` …). */
  params?: Record<string, string>;
  query?: string;
  /** A JSON body. */
  body?: unknown;
  /** A multipart body instead. */
  form?: { payload: Buffer; contentType: string };
  headers?: Record<string, string>;
  /** May this caller (null: anonymous) do it? From the permissions module. */
  allowed(actor: Actor | null): boolean;
  /** The answer when allowed, when it is not a 2xx (a refusal on other grounds, e.g. 409). */
  whenAllowed?: number;
  /** The answers a refusal may take (default 403 or 404; anonymous calls to private routes: 401). */
  denied?: readonly number[] | ((actor: Actor | null) => readonly number[]);
  /** What an allowed answer must not show this caller; returns the problem or null. */
  check?(response: LightMyRequestResponse, actor: Actor | null): string | null;
}

export interface RouteAccess {
  /** Each case changes state: the matrix builds fresh cases (and fixtures) for every caller. */
  changes?: boolean;
  /** The call ends or replaces the caller's session: the matrix makes it on a throwaway login. */
  replacesSession?: boolean;
  cases(f: MatrixFixtures): Promise<AccessCase[]>;
}

const anyone = () => true;
const loggedIn = (actor: Actor | null) => actor !== null;

/** One case per kind of story, `build` saying what to send and who may. */
async function forEachStory(f: MatrixFixtures, build: (story: Story) => Omit<AccessCase, 'label'>): Promise<AccessCase[]> {
  const cases: AccessCase[] = [];
  for (const kind of STORY_KINDS) {
    const story = await f.story(kind);
    const built = build(story);
    cases.push({
      ...built,
      label: `${kind} (${story.id})`,
      params: { id: story.id, ...built.params },
    });
  }
  return cases;
}

const mayView = (story: Story) => (actor: Actor | null) => can(actor, 'story:view', story);

/**
 * A case about one story. Refused, a story the caller may not see answers 404 (its existence is
 * not revealed); one they may see but not change, 403.
 */
function storyCase(story: Story, allowed: (actor: Actor | null) => boolean, rest: Omit<AccessCase, 'label' | 'allowed'> = {}): Omit<AccessCase, 'label'> {
  return { ...rest, allowed, denied: (actor) => (can(actor, 'story:view', story) ? [403] : [404]) };
}

/** Lists must hold only stories the caller may see. */
function onlyVisibleStories(response: LightMyRequestResponse, actor: Actor | null): string | null {
  const items = (response.json() as { items: Array<Pick<Story, 'id' | 'status' | 'authorIds'>> }).items;
  const leaked = items.filter((item) => !can(actor, 'story:view', item));
  return leaked.length > 0 ? `lists stories it may not see: ${leaked.map((item) => `${item.id} (${item.status})`).join(', ')}` : null;
}

const SCHEDULE_AT = () => new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString();

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
  // ——— public ———
  'GET /api/health': { cases: async () => [{ label: 'health', allowed: anyone }] },
  'GET /api/openapi.json': { cases: async () => [{ label: 'API description', allowed: anyone }] },
  'GET /news/site.css': { cases: async () => [{ label: 'stylesheet', allowed: anyone }] },
  'GET /feed.xml': { cases: async () => [{ label: 'RSS', allowed: anyone }] },
  'GET /news/:slug': {
    cases: async (f) => {
      const cases: AccessCase[] = [];
      for (const kind of STORY_KINDS) {
        const story = await f.story(kind);
        // Readers see what is live and nothing else: a draft's address is "not found" to all.
        const live = story.status === 'published';
        cases.push({ label: `${kind} (/news/${story.slug})`, params: { slug: story.slug }, allowed: () => live, denied: [404, 410] });
      }
      return cases;
    },
  },
  'GET /media/photos/:id/:file': {
    cases: async (f) => [
      { label: 'a rendition', params: { id: f.photoId, file: '320.webp' }, allowed: anyone },
      { label: 'the original is never served', params: { id: f.photoId, file: 'original.jpg' }, allowed: () => false, denied: [400, 404] },
    ],
  },

  // ——— session ———
  'POST /api/session': {
    replacesSession: true,
    cases: async (f) => [{ label: 'log in', body: f.login, allowed: anyone }],
  },
  'GET /api/session': { cases: async () => [{ label: 'who am I', allowed: loggedIn }] },
  'DELETE /api/session': { replacesSession: true, cases: async () => [{ label: 'log out', allowed: loggedIn }] },

  // ——— accounts ———
  'GET /api/users': { cases: async () => [{ label: 'accounts', allowed: (actor) => can(actor, 'users:manage') }] },
  'POST /api/users': {
    changes: true,
    cases: async (f) => [
      {
        label: 'new account',
        body: { email: f.email(), name: 'Matrix Person', role: 'reporter', password: 'a long matrix passphrase' },
        allowed: (actor) => can(actor, 'users:manage'),
        denied: [403],
      },
    ],
  },
  'PATCH /api/users/:id': {
    changes: true,
    cases: async (f) => {
      const account = await f.account();
      return [{ label: 'rename someone', params: { id: account.id }, body: { name: 'Renamed by matrix' }, allowed: (actor) => can(actor, 'users:manage'), denied: [403] }];
    },
  },

  // ——— stories ———
  'GET /api/stories': {
    cases: async () => [
      { label: 'the list', allowed: (actor) => can(actor, 'story:list'), denied: [403], check: onlyVisibleStories },
      { label: 'drafts only', query: 'status=draft&limit=100', allowed: (actor) => can(actor, 'story:list'), denied: [403], check: onlyVisibleStories },
    ],
  },
  'POST /api/stories': {
    changes: true,
    cases: async () => [{ label: 'new story', body: { headline: 'Made by the access matrix' }, allowed: (actor) => can(actor, 'story:create'), denied: [403] }],
  },
  'GET /api/stories/refs': {
    cases: async (f) => {
      const stories = await Promise.all(STORY_KINDS.map((kind) => f.story(kind)));
      return [
        {
          label: 'refs of every kind of story',
          query: `ids=${stories.map((story) => story.id).join(',')}`,
          allowed: (actor) => can(actor, 'story:list'),
          denied: [403],
          check(response, actor) {
            const items = (response.json() as { items: Array<{ id: string }> }).items;
            const leaked = items.filter((item) => !can(actor, 'story:view', stories.find((story) => story.id === item.id)!));
            return leaked.length > 0 ? `shows stories it may not see: ${leaked.map((item) => item.id).join(', ')}` : null;
          },
        },
      ];
    },
  },
  'GET /api/stories/:id': { cases: (f) => forEachStory(f, (story) => storyCase(story, mayView(story))) },
  'PATCH /api/stories/:id': {
    changes: true,
    cases: (f) =>
      forEachStory(f, (story) =>
        storyCase(story, (actor) => can(actor, 'story:view', story) && can(actor, 'story:edit', story), {
          body: { standfirst: 'Changed by the access matrix' },
          headers: { 'if-match': `"${story.revision}"` },
        }),
      ),
  },
  'GET /api/stories/:id/backlinks': { cases: (f) => forEachStory(f, (story) => storyCase(story, mayView(story))) },
  'GET /api/stories/:id/checklist': { cases: (f) => forEachStory(f, (story) => storyCase(story, mayView(story))) },
  'GET /api/stories/:id/events': { cases: (f) => forEachStory(f, (story) => storyCase(story, mayView(story))) },
  'GET /api/stories/:id/ninjs': { cases: (f) => forEachStory(f, (story) => storyCase(story, mayView(story))) },
  'GET /api/stories/:id/pending-changes': {
    // Never published: nothing to compare (409) for whoever may see it.
    cases: (f) => forEachStory(f, (story) => storyCase(story, mayView(story), { whenAllowed: story.liveRevision === null ? 409 : undefined })),
  },
  'POST /api/stories/:id/corrections': {
    changes: true,
    cases: (f) =>
      forEachStory(f, (story) =>
        storyCase(story, (actor) => can(actor, 'story:view', story) && can(actor, 'story:publishUpdate', story), { body: { note: 'Corrected by the access matrix' } }),
      ),
  },
  'POST /api/stories/:id/transitions': {
    changes: true,
    cases: async (f) => {
      const cases: AccessCase[] = [];
      for (const kind of STORY_KINDS) {
        const status = kindStatus(kind);
        for (const move of transitionsFrom(status)) {
          // A fresh story for every move: each allowed move changes the story.
          const story = await f.story(kind);
          cases.push({
            label: `${kind} → ${move.to} (${story.id})`,
            params: { id: story.id },
            body: { to: move.to, note: 'Access matrix note', ...(move.requiresTime ? { scheduledAt: SCHEDULE_AT() } : {}) },
            ...storyCase(story, (actor) => can(actor, 'story:view', story) && canTransition(actor, story, move.to)),
          });
        }
      }
      return cases;
    },
  },

  // ——— history and presence ———
  'GET /api/stories/:id/revisions': { cases: (f) => forEachStory(f, (story) => storyCase(story, mayView(story))) },
  'GET /api/stories/:id/revisions/:revision': {
    cases: (f) => forEachStory(f, (story) => storyCase(story, mayView(story), { params: { revision: '1' } })),
  },
  'GET /api/stories/:id/revisions/compare': {
    cases: (f) => forEachStory(f, (story) => storyCase(story, mayView(story), { query: `from=1&to=${story.revision}` })),
  },
  'POST /api/stories/:id/restore': {
    changes: true,
    cases: (f) =>
      forEachStory(f, (story) => storyCase(story, (actor) => can(actor, 'story:view', story) && can(actor, 'story:edit', story), { body: { revision: 1 } })),
  },
  'PUT /api/stories/:id/presence/:editorId': {
    changes: true,
    cases: (f) => forEachStory(f, (story) => storyCase(story, mayView(story), { params: { editorId: 'matrix-editor' } })),
  },
  'DELETE /api/stories/:id/presence/:editorId': {
    changes: true,
    cases: (f) => forEachStory(f, (story) => storyCase(story, mayView(story), { params: { editorId: 'matrix-editor' } })),
  },

  // ——— wire copy ———
  'POST /api/import': {
    changes: true,
    cases: async () => [
      {
        label: 'plain-text wire copy',
        body: { format: 'text', content: 'Ferry returns to the harbour\n\nThe night service runs again from Monday.\n\nPORT ALDER: The ferry returned on Monday after a month of repairs.' },
        allowed: (actor) => can(actor, 'story:create'),
        denied: [403],
      },
    ],
  },

  // ——— photos ———
  'POST /api/photos': {
    cases: async (f) => [{ label: 'upload a JPEG', form: f.jpeg, allowed: (actor) => can(actor, 'photos:upload'), denied: [403] }],
  },
  'GET /api/photos': { cases: async () => [{ label: 'the library', allowed: (actor) => can(actor, 'photos:view'), denied: [403] }] },
  'GET /api/photos/:id': {
    cases: async (f) => [{ label: 'a photo', params: { id: f.photoId }, allowed: (actor) => can(actor, 'photos:view'), denied: [403] }],
  },
  'PATCH /api/photos/:id': {
    cases: async (f) => [
      { label: 'correct a caption', params: { id: f.photoId }, body: { caption: 'Captioned by the access matrix' }, allowed: (actor) => can(actor, 'photos:manage'), denied: [403] },
    ],
  },
};

/** The workflow state a story kind is in. */
export function kindStatus(kind: StoryKind): StoryStatus {
  if (kind.startsWith('draft')) return 'draft';
  if (kind.startsWith('submitted')) return 'submitted';
  if (kind.startsWith('published')) return 'published';
  return kind as StoryStatus;
}
