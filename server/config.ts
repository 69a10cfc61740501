import path from 'node:path';
import { DEFAULT_UPLOAD_LIMITS } from '../src/domain/photos/limits';

export interface AppConfig {
  port: number;
  host: string;
  /** Where the SQLite database, demo logins and photos (under `photos/`) live. */
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded SQLite database is used. */
  databaseUrl: string | null;
  /** `demo` seeds a demo newsroom into an empty database; `none` starts empty. */
  seed: 'demo' | 'none';
  /** The built SPA (vite build output). */
  staticDir: string;
  sessions: {
    /** A session unused this long ends. */
    idleTimeoutMs: number;
    /** No session lives longer than this, however busy. */
    absoluteTimeoutMs: number;
  };
  /** Log requests (off in tests). */
  logger: boolean;
  /**
   * Which proxies to believe about the client's address and protocol (X-Forwarded-*): false,
   * true, a hop count, or addresses/CIDRs. Login throttling counts per client address, and the
   * session cookie is marked Secure when the client used HTTPS.
   */
  trustProxy: boolean | number | string[];
  uploads: {
    /** Largest photo file accepted, in bytes. */
    maxBytes: number;
    /** Most pixels (width × height) a photo may declare: larger ones are refused before decoding. */
    maxPixels: number;
  };
  /** The public site's address, for canonical links and the feed (e.g. https://news.example.org); else taken from each request. */
  publicUrl: string | null;
}

const HOUR = 60 * 60 * 1000;

export function defaultSessionTimeouts(): AppConfig['sessions'] {
  return { idleTimeoutMs: 12 * HOUR, absoluteTimeoutMs: 7 * 24 * HOUR };
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${value}"`);
  return port;
}

function parseSeed(value: string | undefined): AppConfig['seed'] {
  if (value === undefined || value === '' || value === 'demo') return 'demo';
  if (value === 'none') return 'none';
  throw new Error(`NEWSROOM_SEED must be "demo" or "none", not "${value}"`);
}

export function defaultUploadLimits(): AppConfig['uploads'] {
  return { ...DEFAULT_UPLOAD_LIMITS };
}

function parsePositive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`${name} must be a positive number, not "${value}"`);
  return number;
}

function parseTrustProxy(value: string | undefined): AppConfig['trustProxy'] {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((entry) => entry.trim()).filter(Boolean);
}

function parsePublicUrl(value: string | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`NEWSROOM_PUBLIC_URL must be an address like https://news.example.org, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('NEWSROOM_PUBLIC_URL must start with http:// or https://');
  return url.origin;
}

/** Reads the configuration from the environment, refusing values that make no sense. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const root = process.cwd();
  return {
    port: parsePort(env.PORT),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(root, env.NEWSROOM_DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || null,
    seed: parseSeed(env.NEWSROOM_SEED),
    staticDir: path.resolve(root, env.NEWSROOM_STATIC_DIR || 'dist'),
    sessions: defaultSessionTimeouts(),
    logger: env.NEWSROOM_LOG !== 'off',
    trustProxy: parseTrustProxy(env.NEWSROOM_TRUST_PROXY),
    uploads: {
      maxBytes: Math.round(parsePositive('NEWSROOM_MAX_UPLOAD_MB', env.NEWSROOM_MAX_UPLOAD_MB, DEFAULT_UPLOAD_LIMITS.maxBytes / 1024 / 1024) * 1024 * 1024),
      maxPixels: Math.round(
        parsePositive('NEWSROOM_MAX_UPLOAD_MEGAPIXELS', env.NEWSROOM_MAX_UPLOAD_MEGAPIXELS, DEFAULT_UPLOAD_LIMITS.maxPixels / 1_000_000) * 1_000_000,
      ),
    },
    publicUrl: parsePublicUrl(env.NEWSROOM_PUBLIC_URL),
  };
}
