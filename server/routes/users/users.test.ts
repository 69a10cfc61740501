import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../src/domain/api/users';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../../test/harness';

describe.each(testDialects())('accounts API on %s', (dialect) => {
  let t: TestApp;
  let admin: ApiClient;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  it('lists every account for an administrator, without password hashes', async () => {
    const response = await admin.get('/api/users');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Account[];
    expect(items.map((a) => a.email).sort()).toEqual(
      ['admin', 'chief-editor', 'editor', 'photo-editor', 'reporter', 'reporter2'].map((k) => `${k}@test.example`).sort(),
    );
    expect(items.find((a) => a.role === 'admin')).toMatchObject({ disabled: false, lastLoginAt: expect.any(String) });
    expect(response.body).not.toMatch(/argon2|password/i);
  });

  it('creates an account that can log in at once', async () => {
    const response = await admin.post('/api/users', { email: ' New.Person@Test.Example', name: 'New Person', role: 'editor', password: 'a sturdy passphrase' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ email: 'new.person@test.example', name: 'New Person', role: 'editor', disabled: false, lastLoginAt: null });
    expect((await t.anonymous().logIn('new.person@test.example', 'a sturdy passphrase')).statusCode).toBe(200);
  });

  it('refuses a duplicate email (409), a short password, a bad role or email (400), creating nothing', async () => {
    const before = (await admin.get('/api/users')).json().items.length;
    const duplicate = await admin.post('/api/users', { email: 'editor@test.example', name: 'Again', role: 'editor', password: 'a sturdy passphrase' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toContain('already exists');
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ email: 'short@test.example', name: 'Short', role: 'editor', password: 'short' }, /password: Use at least 12 characters/],
      [{ email: 'role@test.example', name: 'Role', role: 'owner', password: 'a sturdy passphrase' }, /role: Role must be one of/],
      [{ email: 'not-an-email', name: 'Mail', role: 'editor', password: 'a sturdy passphrase' }, /email: Enter a valid email address/],
      [{ email: 'same@test.example', name: 'Same', role: 'editor', password: 'same@test.example' }, /password: Do not use the email address/],
      [{ email: 'x@test.example', name: '<script>', role: 'editor', password: 'a sturdy passphrase' }, /name: Name cannot contain/],
    ];
    for (const [body, message] of cases) {
      const response = await admin.post('/api/users', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.message).toMatch(message);
    }
    expect((await admin.get('/api/users')).json().items.length).toBe(before);
  });

  it('changes a role, which applies to the open session at once', async () => {
    const reporter2 = await t.as('reporter2');
    expect((await reporter2.get('/api/users')).statusCode).toBe(403);
    const response = await admin.patch(`/api/users/${t.accounts.reporter2.id}`, { role: 'editor' });
    expect(response.statusCode).toBe(200);
    expect(response.json().role).toBe('editor');
    expect((await reporter2.get('/api/session')).json().user.role).toBe('editor');
    await admin.patch(`/api/users/${t.accounts.reporter2.id}`, { role: 'reporter' });
  });

  it('disabling an account ends its sessions at once and stops logins; enabling restores them', async () => {
    const photo = await t.as('photo_editor');
    expect((await photo.get('/api/session')).statusCode).toBe(200);
    const disabled = await admin.patch(`/api/users/${t.accounts.photo_editor.id}`, { disabled: true });
    expect(disabled.json().disabled).toBe(true);
    expect((await photo.get('/api/stories')).statusCode).toBe(401);
    expect((await t.anonymous('10.9.9.9').logIn(t.accounts.photo_editor.email, 'photo-test-password')).statusCode).toBe(401);

    await admin.patch(`/api/users/${t.accounts.photo_editor.id}`, { disabled: false });
    expect((await t.anonymous('10.9.9.9').logIn(t.accounts.photo_editor.email, 'photo-test-password')).statusCode).toBe(200);
  });

  it('does not let an administrator lock themselves out', async () => {
    const self = await admin.patch(`/api/users/${t.accounts.admin.id}`, { disabled: true });
    expect(self.statusCode).toBe(403);
    const demote = await admin.patch(`/api/users/${t.accounts.admin.id}`, { role: 'reporter' });
    expect(demote.statusCode).toBe(403);
    expect((await admin.get('/api/session')).json().user.role).toBe('admin');
  });

  it('is for administrators only, and validates what it is sent', async () => {
    const chief = await t.as('chief_editor');
    expect((await chief.get('/api/users')).statusCode).toBe(403);
    expect((await chief.post('/api/users', { email: 'c@test.example', name: 'C', role: 'admin', password: 'a sturdy passphrase' })).statusCode).toBe(403);
    expect((await chief.patch(`/api/users/${t.accounts.chief_editor.id}`, { role: 'admin' })).statusCode).toBe(403);
    expect((await admin.patch(`/api/users/${t.accounts.editor.id}`, { password: 'sneaky' })).statusCode).toBe(400);
    expect((await admin.patch(`/api/users/${t.accounts.editor.id}`, {})).statusCode).toBe(400);
    expect((await admin.patch('/api/users/nobody', { name: 'Ghost' })).statusCode).toBe(404);
  });
});
