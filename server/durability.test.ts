import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/connection';
import { revisionFields } from './db/repositories/revision-fields';

/** A free port on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts the real server (`server/main.ts`) as its own process and waits until it listens. */
async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, NEWSROOM_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', NEWSROOM_LOG: 'off', NEWSROOM_SEED: 'demo' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Newsdesk is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return child;
}

class Client {
  private cookie = '';
  private csrf = '';
  constructor(private readonly base: string) {}

  async logIn(email: string, password: string) {
    const response = await fetch(`${this.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (!response.ok) throw new Error(`login failed: ${response.status}`);
    this.cookie = response.headers.getSetCookie()[0].split(';')[0];
    this.csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    return fetch(`${this.base}${url}`, {
      method,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
  }
}

describe('durability', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-durability-'));
  let server: ChildProcess | null = null;
  afterAll(() => {
    server?.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged save when the server is killed with SIGKILL in the middle of a save storm', async () => {
    const port = await freePort();
    server = await startServer(dataDir, port);
    const logins = fs.readFileSync(path.join(dataDir, 'demo-logins.txt'), 'utf8');
    const [, email, password] = logins.split('\n').find((line) => line.startsWith('editor '))!.trim().split(/\s+/);
    const base = `http://127.0.0.1:${port}`;
    // One after another: logins in parallel for one account count against its throttle.
    const clients: Client[] = [];
    for (let i = 0; i < 6; i++) {
      const client = new Client(base);
      await client.logIn(email, password);
      clients.push(client);
    }
    const story = (await (await clients[0].request('POST', '/api/stories', { headline: 'Storm' })).json()) as { id: string; revision: number };

    // Each client saves over and over: on a conflict it takes the current revision and tries again.
    const acknowledged = new Map<number, string>();
    let stop = false;
    const storm = clients.map(async (client, index) => {
      let revision = story.revision;
      for (let n = 0; !stop; n++) {
        const headline = `client ${index} save ${n}`;
        try {
          const response = await client.request('PATCH', `/api/stories/${story.id}`, { headline }, { 'if-match': `"${revision}"` });
          const body = (await response.json()) as { revision?: number; error?: { details?: { currentRevision: number } } };
          if (response.status === 200) {
            acknowledged.set(body.revision!, headline);
            revision = body.revision!;
          } else if (response.status === 409) {
            revision = body.error!.details!.currentRevision;
          }
        } catch {
          return; // the server is gone
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    server.kill('SIGKILL');
    stop = true;
    await Promise.all(storm);
    expect(acknowledged.size).toBeGreaterThan(10);

    // The server comes back on the same data and finds every acknowledged revision as it was acknowledged.
    server = await startServer(dataDir, port);
    server.kill('SIGTERM');
    const database = openDatabase({ dataDir });
    try {
      const rows = await database.db.selectFrom('story_revisions').select(['revision']).where('story_id', '=', story.id).execute();
      const stored = new Map<number, string | undefined>();
      for (const { revision } of rows) stored.set(revision, (await revisionFields(database.db, story.id, revision))?.headline);
      for (const [revision, headline] of acknowledged) expect(stored.get(revision), `revision ${revision}`).toBe(headline);
      const current = await database.db.selectFrom('stories').select(['revision', 'headline']).where('id', '=', story.id).executeTakeFirstOrThrow();
      expect(current.revision).toBeGreaterThanOrEqual(Math.max(...acknowledged.keys()));
      expect(stored.get(current.revision)).toBe(current.headline);
    } finally {
      await database.close();
    }
  }, 90_000);
});
