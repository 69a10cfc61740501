import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { listUsers } from '../db/repositories/users';
import { verifyPassword } from '../services/passwords';

const run = promisify(execFile);

/** Runs `npm run admin -- …` the way an operator would (without npm's banner). */
async function admin(args: string[], env: Record<string, string>, input?: string) {
  const child = run(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], {
    env: { ...process.env, ...env },
    cwd: path.resolve(import.meta.dirname, '../..'),
  });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  } else {
    child.child.stdin!.end();
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run admin', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-cli-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  async function accounts() {
    const database = openDatabase({ dataDir });
    try {
      return await listUsers(database.db);
    } finally {
      await database.close();
    }
  }

  it('creates an account with the password from NEWSROOM_PASSWORD', async () => {
    const result = await admin(['create-user', '--email', 'Chief@Example.org', '--name', 'Chris Chief', '--role', 'chief_editor'], {
      NEWSROOM_DATA_DIR: dataDir,
      NEWSROOM_PASSWORD: 'a long enough password',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Created chief_editor Chris Chief <chief@example.org>.');
    const [user] = await accounts();
    expect(user).toMatchObject({ email: 'chief@example.org', role: 'chief_editor', name: 'Chris Chief' });
    expect(await verifyPassword(user.password_hash, 'a long enough password')).toBe(true);
  });

  it('reads the password from standard input when no variable is set', async () => {
    const env = { NEWSROOM_DATA_DIR: dataDir, NEWSROOM_PASSWORD: '' };
    delete (env as Record<string, string | undefined>).NEWSROOM_PASSWORD;
    const result = await admin(['create-user', '--email', 'piped@example.org', '--name', 'Pat Piped', '--role', 'reporter'], env, 'piped in password\n');
    expect(result.code).toBe(0);
    const user = (await accounts()).find((u) => u.email === 'piped@example.org')!;
    expect(await verifyPassword(user.password_hash, 'piped in password')).toBe(true);
  });

  it('refuses bad input with a clear message and a failing exit code, creating nothing', async () => {
    const before = (await accounts()).length;
    const env = { NEWSROOM_DATA_DIR: dataDir, NEWSROOM_PASSWORD: 'a long enough password' };
    const badRole = await admin(['create-user', '--email', 'x@example.org', '--name', 'X', '--role', 'owner'], env);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('role: Role must be one of');
    const duplicate = await admin(['create-user', '--email', 'chief@example.org', '--name', 'Again', '--role', 'editor'], env);
    expect(duplicate.stderr).toContain('already exists');
    const shortPassword = await admin(['create-user', '--email', 'y@example.org', '--name', 'Y', '--role', 'editor'], { ...env, NEWSROOM_PASSWORD: 'short' });
    expect(shortPassword.stderr).toContain('Use at least 12 characters');
    const missing = await admin(['create-user', '--email', 'z@example.org'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('create-user needs --email, --name and --role');
    expect((await accounts()).length).toBe(before);
  });
});
