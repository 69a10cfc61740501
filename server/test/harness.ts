import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { SessionResponse } from '../../src/domain/api/session';
import type { Account } from '../../src/domain/api/users';
import type { Role } from '../../src/domain/auth/roles';
import { buildApp } from '../app';
import { defaultSessionTimeouts, defaultUploadLimits, type AppConfig } from '../config';
import { openDatabase, type DatabaseHandle, type Dialect } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { createAccount } from '../services/accounts';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL points at a server (CI sets it). */
export function testDialects(): Dialect[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export const TEST_PASSWORDS: Record<Role, string> = {
  reporter: 'reporter-test-password',
  editor: 'editor-test-password',
  photo_editor: 'photo-test-password',
  chief_editor: 'chief-test-password',
  admin: 'admin-test-password',
};

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: AppConfig;
  /** One account per role, plus a second reporter for "someone else's story". */
  accounts: Record<Role | 'reporter2', Account>;
  /** A logged-in client for a role. */
  as(role: Role | 'reporter2'): Promise<ApiClient>;
  anonymous(remoteAddress?: string): ApiClient;
  /** A second, independent connection to the same database (as a restarted process would open). */
  reopen(): DatabaseHandle;
  close(): Promise<void>;
}

export interface ScratchDatabase {
  database: DatabaseHandle;
  /** A temporary directory: the SQLite file's, and an app's photos. */
  dataDir: string;
  /** A second, independent connection to the same database (as a restarted process would open). */
  reopen(): DatabaseHandle;
  /** Closes the connection and drops the database: its directory, and its PostgreSQL schema. */
  drop(): Promise<void>;
}

/** A fresh database, not migrated: a temporary SQLite file, or a private schema on TEST_DATABASE_URL. */
export async function openScratchDatabase(dialect: Dialect): Promise<ScratchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-test-'));
  const databaseUrl = dialect === 'postgres' ? process.env.TEST_DATABASE_URL! : null;
  const schema = databaseUrl ? `t_${randomBytes(6).toString('hex')}` : undefined;
  if (schema) await runOnPostgres(databaseUrl!, `CREATE SCHEMA ${schema}`);
  const open = () => openDatabase({ databaseUrl, dataDir, schema });
  const database = open();
  return {
    database,
    dataDir,
    reopen: open,
    async drop() {
      // Dropped even when a test has closed or broken the connection itself.
      try {
        await database.close();
      } finally {
        if (schema) await runOnPostgres(databaseUrl!, `DROP SCHEMA ${schema} CASCADE`);
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

async function runOnPostgres(databaseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database (see `openScratchDatabase`) with the app on top. */
export async function startTestApp(dialect: Dialect, overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const scratch = await openScratchDatabase(dialect);
  const { database, dataDir } = scratch;
  const databaseUrl = dialect === 'postgres' ? process.env.TEST_DATABASE_URL! : null;
  await migrateToLatest(database.db, database.dialect);

  const config: AppConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl,
    seed: 'none',
    staticDir: path.join(dataDir, 'no-spa-here'),
    sessions: defaultSessionTimeouts(),
    logger: false,
    trustProxy: false,
    uploads: defaultUploadLimits(),
    publicUrl: null,
    ...overrides,
  };
  const app = await buildApp({ config, database });

  const accounts = {} as TestApp['accounts'];
  const roles: Array<[Role | 'reporter2', Role]> = [
    ['reporter', 'reporter'],
    ['reporter2', 'reporter'],
    ['editor', 'editor'],
    ['photo_editor', 'photo_editor'],
    ['chief_editor', 'chief_editor'],
    ['admin', 'admin'],
  ];
  for (const [key, role] of roles) {
    accounts[key] = await createAccount(database.db, null, {
      email: `${key.replace('_', '-')}@test.example`,
      name: `Test ${key}`,
      role,
      password: TEST_PASSWORDS[role],
    });
  }

  return {
    app,
    database,
    config,
    accounts,
    async as(key) {
      const client = new ApiClient(app);
      const role = key === 'reporter2' ? 'reporter' : key;
      const response = await client.logIn(accounts[key].email, TEST_PASSWORDS[role]);
      if (response.statusCode !== 200) throw new Error(`login as ${key} failed: ${response.body}`);
      return client;
    },
    anonymous: (remoteAddress?: string) => new ApiClient(app, remoteAddress),
    reopen: scratch.reopen,
    async close() {
      try {
        await app.close();
      } finally {
        await scratch.drop();
      }
    },
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Talks to the app like a browser tab: keeps the session cookie and sends the CSRF token. */
export class ApiClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  /** The client's IP address as the server sees it (login throttling counts per address). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress = '127.0.0.1',
  ) {}

  async logIn(email: string, password: string, headers: Record<string, string> = {}) {
    const response = await this.request('POST', '/api/session', { body: { email, password }, headers });
    if (response.statusCode === 200) {
      const session = response.json() as SessionResponse;
      this.csrfToken = session.csrfToken;
    }
    return response;
  }

  async request(
    method: Method,
    url: string,
    options: { body?: unknown; rawBody?: string | Buffer; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const remoteAddress = this.remoteAddress;
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && this.csrfToken && options.csrf !== false) headers['x-csrf-token'] = this.csrfToken;
    const inject: InjectOptions = { method, url, headers, remoteAddress };
    if (options.rawBody !== undefined) {
      inject.payload = options.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      inject.payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await this.app.inject(inject);
    const setCookie = response.cookies.find((c) => c.name === 'newsdesk_session');
    if (setCookie) this.cookie = setCookie.value ? `newsdesk_session=${setCookie.value}` : null;
    return response;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, { headers });
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, { body, headers });
  }
  patch(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request('PATCH', url, { body, headers });
  }
  put(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('PUT', url, { body, headers });
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
  /** Sends a multipart/form-data body (see test/images `multipartBody`). */
  postForm(url: string, form: { payload: Buffer; contentType: string }) {
    return this.request('POST', url, { rawBody: form.payload, headers: { 'content-type': form.contentType } });
  }
}
