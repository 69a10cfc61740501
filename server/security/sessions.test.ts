import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDialects, TEST_PASSWORDS, type TestApp } from '../test/harness';

/**
 * What the session tests in routes/session and routes/users leave out: the Secure flag behind a
 * TLS-terminating proxy, the absolute lifetime, and the password rules at the API. (Rotation at
 * login, idle expiry, logout on the server, disabling, CSRF and login throttling are tested there.)
 */
describe.each(testDialects())('sessions, hardening on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect, { trustProxy: true, sessions: { idleTimeoutMs: 60_000, absoluteTimeoutMs: 1_500 } });
  });
  afterAll(() => t.close());

  it('marks the cookie Secure when the client came over HTTPS, HttpOnly and SameSite always, and no longer-lived than the session', async () => {
    const overTls = await t.anonymous().logIn(t.accounts.editor.email, TEST_PASSWORDS.editor, { 'x-forwarded-proto': 'https' });
    const cookie = overTls.cookies.find((c) => c.name === 'newsdesk_session')!;
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.maxAge).toBeLessThanOrEqual(Math.ceil(t.config.sessions.absoluteTimeoutMs / 1000));
    const plain = await t.anonymous().logIn(t.accounts.editor.email, TEST_PASSWORDS.editor);
    expect(plain.cookies.find((c) => c.name === 'newsdesk_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it('ends a session at its absolute lifetime however busy it is', async () => {
    const client = await t.as('reporter');
    const started = Date.now();
    const answers: number[] = [];
    while (Date.now() - started < 2_200) {
      answers.push((await client.get('/api/session')).statusCode);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answers[0]).toBe(200);
    expect(answers.at(-1)).toBe(401);
    // Once over, it stays over: no answer after the first 401 lets it back in.
    expect(answers.slice(answers.indexOf(401)).every((status) => status === 401)).toBe(true);
  });

  it('refuses breached-style and short passwords for new accounts with a reason, creating nothing', async () => {
    const admin = await t.as('admin');
    const before = (await admin.get('/api/users')).json().items.length;
    for (const password of ['Password2024!', '123456789012', 'qwertyuiop12', 'short one']) {
      const response = await admin.post('/api/users', { email: `weak-${before}@test.example`, name: 'Weak Password', role: 'reporter', password });
      expect(response.statusCode, password).toBe(400);
      expect(response.json().error.message).toMatch(/password: (Use at least|This password is among the first that attackers try)/);
    }
    expect((await admin.get('/api/users')).json().items.length).toBe(before);
  });
});
