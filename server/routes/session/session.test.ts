import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../services/housekeeping';
import { startTestApp, testDialects, TEST_PASSWORDS, type TestApp } from '../../test/harness';

describe.each(testDialects())('sessions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('logs in with email and password and answers with the user and a CSRF token', async () => {
    const client = t.anonymous();
    const response = await client.logIn('Reporter@Test.Example ', TEST_PASSWORDS.reporter);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toEqual({ id: t.accounts.reporter.id, email: 'reporter@test.example', name: 'Test reporter', role: 'reporter' });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(body.user).not.toHaveProperty('passwordHash');

    const cookie = response.cookies.find((c) => c.name === 'newsdesk_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(cookie.secure).toBeFalsy(); // plain HTTP here; Secure is set when the request is HTTPS

    const me = await client.get('/api/session');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(body);
  });

  it('stores argon2id hashes, never the password', async () => {
    const row = await t.database.db.selectFrom('users').select('password_hash').where('id', '=', t.accounts.editor.id).executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(row.password_hash).not.toContain(TEST_PASSWORDS.editor);
  });

  it('gives a new session id at every login, and ends the session it replaces', async () => {
    const first = t.anonymous();
    await first.logIn(t.accounts.editor.email, TEST_PASSWORDS.editor);
    const oldCookie = first.cookie;
    await first.logIn(t.accounts.editor.email, TEST_PASSWORDS.editor);
    expect(first.cookie).not.toBe(oldCookie);
    expect((await first.get('/api/session')).statusCode).toBe(200);
    const replay = t.anonymous();
    replay.cookie = oldCookie;
    expect((await replay.get('/api/session')).statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown email with the same generic 401', async () => {
    const wrongPassword = await t.anonymous().logIn(t.accounts.chief_editor.email, 'not-my-password', { 'x-forwarded-for': '1' });
    const unknownEmail = await t.anonymous().logIn('nobody@test.example', 'not-my-password');
    for (const response of [wrongPassword, unknownEmail]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: { code: 'unauthenticated', message: 'Wrong email or password' } });
      expect(response.cookies.find((c) => c.name === 'newsdesk_session')).toBeUndefined();
    }
  });

  it('checks the session before reading the body: an anonymous bad request is 401, not 400', async () => {
    const response = await t.anonymous().request('POST', '/api/stories', { rawBody: '{"body": {"type": "nonsense"' });
    expect(response.statusCode).toBe(401);
  });

  it('cannot be fooled by a percent-encoded path', async () => {
    const client = await t.as('editor');
    const forged = await client.request('DELETE', '/%61pi/session', { csrf: false });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('csrf_failed');
    expect((await t.anonymous().request('DELETE', '/%61pi/session')).statusCode).toBe(401);
    expect((await client.get('/api/session')).statusCode).toBe(200);
  });

  it('refuses a malformed login body with 400 and names the problem', async () => {
    const response = await t.anonymous().request('POST', '/api/session', { body: { email: 'a@b.example' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.message).toContain('password');
  });

  it('needs a session for the API: anonymous calls get 401', async () => {
    const client = t.anonymous();
    for (const [method, url] of [
      ['GET', '/api/session'],
      ['GET', '/api/stories'],
      ['POST', '/api/stories'],
      ['GET', '/api/users'],
    ] as const) {
      const response = await client.request(method, url, method === 'POST' ? { body: {} } : {});
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json().error.code).toBe('unauthenticated');
    }
  });

  it('refuses a state-changing request without the CSRF token, or with a wrong one, and changes nothing', async () => {
    const client = await t.as('reporter');
    const before = await client.get('/api/stories?author=me');
    const missing = await client.request('POST', '/api/stories', { body: { headline: 'Forged' }, csrf: false });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('csrf_failed');
    const wrong = await client.request('POST', '/api/stories', { body: { headline: 'Forged' }, csrf: false, headers: { 'x-csrf-token': 'guess' } });
    expect(wrong.statusCode).toBe(403);
    const after = await client.get('/api/stories?author=me');
    expect(after.json().items).toEqual(before.json().items);
  });

  it('logs out on the server: the old cookie no longer works', async () => {
    const client = await t.as('editor');
    const cookie = client.cookie;
    const response = await client.delete('/api/session');
    expect(response.statusCode).toBe(204);
    const replay = t.anonymous();
    replay.cookie = cookie;
    expect((await replay.get('/api/session')).statusCode).toBe(401);
  });

  it('ends a session that has been idle too long', async () => {
    const idle = await startTestApp(dialect, { sessions: { idleTimeoutMs: 1, absoluteTimeoutMs: 60_000 } });
    try {
      const client = await idle.as('editor');
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect((await client.get('/api/session')).statusCode).toBe(401);
    } finally {
      await idle.close();
    }
  });

  it('slows down repeated failures for an account: after five, the next attempt must wait (429)', async () => {
    const email = t.accounts.photo_editor.email;
    // From different addresses: the account's own count is what stops this.
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await t.anonymous(`10.0.0.${attempt}`).logIn(email, `guess-${attempt}`)).statusCode).toBe(401);
    }
    const blocked = await t.anonymous('10.0.0.99').logIn(email, TEST_PASSWORDS.photo_editor);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('too_many_requests');
    expect(blocked.json().error.message).toMatch(/Try again in \d+ seconds?/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    // Once the wait is over, the right password works and clears the count.
    await new Promise((resolve) => setTimeout(resolve, Number(blocked.headers['retry-after']) * 1000 + 50));
    expect((await t.anonymous('10.0.0.99').logIn(email, TEST_PASSWORDS.photo_editor)).statusCode).toBe(200);
    expect((await t.anonymous('10.0.0.99').logIn(email, 'one-more-wrong')).statusCode).toBe(401);
  });

  it('counts guesses sent all at once: no more than five get a password check', async () => {
    const email = t.accounts.reporter2.email;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => t.anonymous(`10.1.0.${i}`).logIn(email, `parallel-${i}`)));
    const codes = answers.map((answer) => answer.statusCode);
    expect(codes.filter((code) => code === 401).length).toBeLessThanOrEqual(5);
    expect(codes.filter((code) => code === 429).length).toBeGreaterThanOrEqual(15);
  });

  it('a successful login from an address does not wipe out the failures others made from it', async () => {
    const address = '198.51.100.9';
    for (let attempt = 1; attempt <= 29; attempt++) {
      expect((await t.anonymous(address).logIn(`stranger-${attempt}@test.example`, 'guess')).statusCode).toBe(401);
    }
    expect((await t.anonymous(address).logIn(t.accounts.editor.email, TEST_PASSWORDS.editor)).statusCode).toBe(200);
    expect((await t.anonymous(address).logIn('stranger-30@test.example', 'guess')).statusCode).toBe(401);
    expect((await t.anonymous(address).logIn('stranger-31@test.example', 'guess')).statusCode).toBe(429);
  });

  it('purges expired sessions and forgotten login failures', async () => {
    const client = await t.as('chief_editor');
    await t.database.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    await t.database.db.insertInto('login_failures').values({ key: 'email:old@test.example', failures: 3, last_failure_at: '2000-01-01T00:00:00.000Z' }).execute();
    await purgeExpired(t.database.db, t.config);
    expect(await t.database.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    expect(await t.database.db.selectFrom('login_failures').selectAll().where('key', '=', 'email:old@test.example').execute()).toEqual([]);
    expect((await client.get('/api/session')).statusCode).toBe(401);
  });

  it('slows down many failures from one address, whatever accounts they try', async () => {
    const client = () => t.anonymous('192.0.2.7');
    for (let attempt = 1; attempt <= 30; attempt++) {
      expect((await client().logIn(`someone-${attempt}@test.example`, 'guess')).statusCode).toBe(401);
    }
    const blocked = await client().logIn(t.accounts.chief_editor.email, TEST_PASSWORDS.chief_editor);
    expect(blocked.statusCode).toBe(429);
    // Another address is not affected.
    expect((await t.anonymous('192.0.2.8').logIn(t.accounts.chief_editor.email, TEST_PASSWORDS.chief_editor)).statusCode).toBe(200);
  });
});
