import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/auth/permissions';
import type { Role } from '../../src/domain/auth/roles';
import { createAccount } from '../services/accounts';
import { PhotoStorage } from '../services/photo-storage';
import { uploadPhoto } from '../services/photos';
import { createStory, saveStory, type StoryStore } from '../services/stories';
import { sampleBody } from '../test/documents';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../test/harness';
import { jpegBytes, multipartBody } from '../test/images';
import { storeDigest } from '../test/store-digest';
import { kindStatus, ROUTE_ACCESS, type AccessCase, type MatrixFixtures, type RouteAccess } from './access-expectations';

/**
 * The access matrix: every route the app registers, called as every role and as an anonymous
 * visitor, on real fixtures (each role's own draft, another reporter's draft, a story in every
 * state, a photo, an account), each answer checked against the permissions module. No 5xx, no
 * unexpected allow, and a refused call leaves the database and the data directory as they were.
 */

const ROLES: Role[] = ['reporter', 'editor', 'photo_editor', 'chief_editor', 'admin'];
const CALLERS: Array<Role | null> = [null, ...ROLES];
const EXPECTATIONS_FILE = 'server/security/access-expectations.ts';

const routeKey = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

describe.each(testDialects())('access matrix on %s', (dialect) => {
  let t: TestApp;
  let fixtures: MatrixFixtures;
  const clients = new Map<Role, ApiClient>();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    for (const role of ROLES) clients.set(role, await t.as(role));
    const store: StoryStore = { db: t.database.db, dialect: t.database.dialect };
    let counter = 0;
    const loginAccount = await createAccount(t.database.db, null, { email: 'matrix-login@test.example', name: 'Matrix Login', role: 'reporter', password: 'matrix login passphrase' });
    const photo = await uploadPhoto(
      { db: t.database.db, files: new PhotoStorage(t.config.dataDir), limits: t.config.uploads },
      t.accounts.photo_editor,
      { fileName: 'fixture.jpg', bytes: await jpegBytes({ width: 80, height: 60 }) },
    );
    fixtures = {
      accounts: t.accounts,
      photoId: photo.photo.id,
      jpeg: multipartBody([{ name: 'file', filename: 'matrix.jpg', contentType: 'image/jpeg', data: await jpegBytes({ width: 64, height: 48, noise: true }) }]),
      login: { email: loginAccount.email, password: 'matrix login passphrase' },
      email: () => `matrix-${++counter}@test.example`,
      account: () => createAccount(t.database.db, null, { email: `matrix-account-${++counter}@test.example`, name: 'Matrix Account', role: 'reporter', password: 'matrix account passphrase' }),
      async story(kind) {
        const author = kind === 'draft by reporter' ? t.accounts.reporter : t.accounts.reporter2;
        const story = await createStory(
          store,
          author,
          { headline: `Matrix ${kind} ${++counter}`, standfirst: 'A standfirst for the matrix.', byline: 'Matrix Desk', body: sampleBody() },
          { status: kindStatus(kind) },
        );
        if (kind !== 'published, update pending') return story;
        return saveStory(store, t.accounts.chief_editor, story.id, { baseRevision: story.revision, editorId: null, changes: { standfirst: 'Updated, not yet live.' } });
      },
    };
  });
  afterAll(() => t.close());

  it('has an access expectation for every route, and a route for every expectation', () => {
    const registered = new Set(t.app.allRoutes.map(routeKey));
    const unclassified = [...registered].filter((key) => !(key in ROUTE_ACCESS));
    const stale = Object.keys(ROUTE_ACCESS).filter((key) => !registered.has(key));
    expect(
      unclassified.map((key) => `Route "${key}" has no entry in ${EXPECTATIONS_FILE}: add one saying who may call it (from can() in src/domain/auth/permissions.ts)`),
    ).toEqual([]);
    expect(stale.map((key) => `${EXPECTATIONS_FILE} has an entry for "${key}", but the app has no such route`)).toEqual([]);
  });

  /** What is wrong with this answer to this caller, or null. */
  function judge(access: RouteAccess, isPublic: boolean, testCase: AccessCase, actor: Actor | null, status: number): string | null {
    if (status >= 500) return `answered ${status}`;
    if (!actor && !isPublic) return status === 401 ? null : `answered ${status} to an anonymous caller, not 401`;
    if (testCase.allowed(actor)) {
      const expected = testCase.whenAllowed;
      if (expected !== undefined) return status === expected ? null : `answered ${status}, expected ${expected}`;
      return status >= 200 && status < 300 ? null : `answered ${status} though the permissions allow it`;
    }
    const denied = typeof testCase.denied === 'function' ? testCase.denied(actor) : (testCase.denied ?? [403, 404]);
    void access;
    return denied.includes(status) ? null : `answered ${status} though the permissions refuse it (expected ${denied.join(' or ')})`;
  }

  it.each(Object.keys(ROUTE_ACCESS))('%s', async (key) => {
    const access = ROUTE_ACCESS[key];
    const route = t.app.allRoutes.find((candidate) => routeKey(candidate) === key);
    expect(route, `no route ${key}`).toBeDefined();
    const [method, url] = key.split(' ') as ['GET' | 'POST' | 'PATCH' | 'DELETE', string];
    const problems: string[] = [];
    const shared = access.changes ? null : await access.cases(fixtures);

    for (const role of CALLERS) {
      const actor: Actor | null = role ? t.accounts[role] : null;
      const cases = shared ?? (await access.cases(fixtures));
      for (const testCase of cases) {
        const client = access.replacesSession ? (role ? await t.as(role) : t.anonymous()) : role ? clients.get(role)! : t.anonymous();
        const path = url.replace(/:(\w+)/g, (_match, name: string) => encodeURIComponent(testCase.params?.[name] ?? `missing-${name}`));
        const target = testCase.query ? `${path}?${testCase.query}` : path;
        const refused = !testCase.allowed(actor) || (!actor && !route!.public);
        const before = refused ? await storeDigest(t.database, t.config.dataDir) : null;
        const response = await client.request(method, target, {
          ...(testCase.form ? { rawBody: testCase.form.payload } : testCase.body !== undefined ? { body: testCase.body } : {}),
          headers: { ...testCase.headers, ...(testCase.form ? { 'content-type': testCase.form.contentType } : {}) },
        });
        const who = role ?? 'anonymous';
        const problem = judge(access, route!.public, testCase, actor, response.statusCode);
        if (problem) {
          problems.push(`${who} on ${testCase.label}: ${problem} — ${response.body.slice(0, 160)}`);
          continue;
        }
        if (before) {
          const after = await storeDigest(t.database, t.config.dataDir);
          if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`${who} on ${testCase.label}: refused (${response.statusCode}) but changed the store`);
        } else if (testCase.check && response.statusCode < 300) {
          const leak = testCase.check(response, actor);
          if (leak) problems.push(`${who} on ${testCase.label}: ${leak}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('hands out ids no one can guess: random UUIDs for stories, accounts and log entries, content hashes for photos', async () => {
    const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const editor = clients.get('editor')!;
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) {
      const created = await editor.post('/api/stories', { headline: `Id probe ${n}` });
      ids.push(created.json().id);
      await editor.post(`/api/stories/${created.json().id}/transitions`, { to: 'submitted' });
    }
    const events = (await editor.get(`/api/stories/${ids[0]}/events`)).json().items as Array<{ id: string }>;
    const accounts = (await clients.get('admin')!.get('/api/users')).json().items as Array<{ id: string }>;
    for (const id of [...ids, ...events.map((event) => event.id), ...accounts.map((account) => account.id)]) expect(id).toMatch(uuidV4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(fixtures.photoId).toMatch(/^[0-9a-f]{64}$/);
  });
});
