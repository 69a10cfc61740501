/**
 * API under load (issue 8, target 3), on SQLite and on PostgreSQL.
 *
 * The real server runs as a child process; this process is the load: 20 editors each saving
 * their own 70 KB story as fast as the answers come back (If-Match, one paragraph changed per
 * save, only the changed block sent as the editor does, and the whole body for comparison), then the story list and full-text search (a word
 * in nearly every story, and a rare one) over
 * 100,000 seeded stories at 20 concurrent readers. Reports p50/p95 latency and requests per second,
 * and CPU time per request: the server's, PostgreSQL's (when it runs on this machine) and the whole
 * machine's.
 *
 * Run: `npm run bench:api`. `BENCH_STORIES` (default 100000), `BENCH_SECONDS` (per phase, default
 * 15), `BENCH_DATABASE_URL` (a PostgreSQL server where a scratch database may be created; default
 * postgres://postgres@127.0.0.1:5432/test, skipped when unreachable), `BENCH_ONLY_POSTGRES=1`, and
 * `BENCH_ONLY_SAVES=1` to stop after the save phase (`=patch`: changed-block saves only; with `BENCH_SERVER_ARGS=--cpu-prof` for a profile of
 * saving), `BENCH_ONLY_READS=1` to skip it (listing and search alone), `BENCH_WIDE_BODIES=1` for
 * long stories of a real story's breadth of words (thousands, not 51), `BENCH_KEEP=1` to keep the scratch PostgreSQL database for EXPLAIN. Figures go in docs/benchmarks.md.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import type { JSONContent } from '@tiptap/core';
import { openDatabase, type DatabaseHandle } from '../server/db/connection';
import { migrateToLatest } from '../server/db/migrate';
import { createAccount } from '../server/services/accounts';
import { createStory } from '../server/services/stories';
import { pseudoWords, VOCABULARY, wideWords } from './words';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = 3197;
const BASE = `http://127.0.0.1:${PORT}`;
const STORIES = Number(process.env.BENCH_STORIES ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const EDITORS = 20;
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REPORTER = { email: 'bench@example.org', name: 'Bench Reporter', password: 'bench-passphrase-12345', role: 'reporter' as const };

const words = (count: number, seed: number): string => pseudoWords(count, seed).join(' ');

/** BENCH_WIDE_BODIES=1: the long stories saved draw on a real story's breadth of words (see bench/words.ts). */
const bodyWords = process.env.BENCH_WIDE_BODIES ? (count: number, seed: number) => wideWords(count, seed).join(' ') : words;

const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });
/** About 70 KB of JSON: 141 paragraphs of 60 words. */
const bigBody = (seed: number) => ({ type: 'doc' as const, content: Array.from({ length: 141 }, (_, i) => paragraph(bodyWords(60, seed * 1000 + i))) });

// ---- databases -------------------------------------------------------------------------------

interface Target {
  name: string;
  databaseUrl: string | null;
  dataDir: string;
  cleanUp: () => Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-'));
  return { name: 'SQLite', databaseUrl: null, dataDir, cleanUp: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

async function postgresTarget(): Promise<Target | null> {
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch {
    console.log(`PostgreSQL at ${PG_URL} is not reachable; skipping it.`);
    return null;
  }
  const name = `newsdesk_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-'));
  return {
    name: 'PostgreSQL',
    databaseUrl: url.toString(),
    dataDir,
    cleanUp: async () => {
      if (process.env.BENCH_KEEP) return console.log(`kept database ${name}`);
      const again = new pg.Client({ connectionString: PG_URL });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Stories made by the same service the API uses, so they are indexed as real ones are. */
async function seed(target: Target): Promise<void> {
  const database: DatabaseHandle = openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
  await migrateToLatest(database.db, database.dialect);
  // Seeding only: the server later opens its own connection with durable commits.
  if (database.dialect === 'sqlite') await sql`PRAGMA synchronous = OFF`.execute(database.db);
  const account = await createAccount(database.db, null, REPORTER);
  const actor = { id: account.id, email: account.email, name: account.name, role: account.role };
  const store = { db: database.db, dialect: database.dialect };
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < STORIES; i = next++) {
      await createStory(store, actor, {
        headline: `${words(6, i).replace(/^./, (c) => c.toUpperCase())} ${i}`,
        standfirst: words(25, i + 7),
        body: { type: 'doc', content: [paragraph(words(120, i + 13)), paragraph(words(80, i + 17))] },
      });
    }
  };
  await Promise.all(Array.from({ length: database.dialect === 'postgres' ? 8 : 1 }, worker));
  console.log(`  seeded ${STORIES} stories in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  // As autovacuum would after so many new rows: statistics the search uses to tell common words (see searchCondition).
  if (database.dialect === 'postgres') await sql`ANALYZE stories, story_search`.execute(database.db);
  await database.close();
}

// ---- the server and its clients ----------------------------------------------------------------

/** The server's process, for its CPU time per request: a figure the load on the machine moves less than latency. */
let serverPid: number | null = null;

/** CPU time (user + system) the server process has used, in ms; Linux only (null elsewhere). */
function serverCpuMs(): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${serverPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime (fields 14 and 15 of stat, 12 and 13 after the name) in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * CPU time of this machine's PostgreSQL processes, ms (the postmaster's count takes in the
 * backends that ended): PostgreSQL shares the two cores with the server and the load, so its work
 * per save is part of what a save costs. Null when no PostgreSQL process is seen.
 */
function postgresCpuMs(): number | null {
  let ticks = 0;
  let seen = false;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      // utime, stime, cutime, cstime.
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      seen = true;
    } catch {
      // It ended meanwhile: its time is in the postmaster's count now.
    }
  }
  return seen ? ticks * 10 : null;
}

/** CPU time the whole machine spent busy (every process: server, database, this load), ms. */
function machineCpuMs(): number | null {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user, nice, system, (idle, iowait,) irq, softirq, steal.
    return (fields[0]! + fields[1]! + fields[2]! + fields[5]! + fields[6]! + fields[7]!) * 10;
  } catch {
    return null;
  }
}

/** Whether the database is PostgreSQL on this machine, whose CPU time can be read. */
let localPostgres = false;

async function startServer(target: Target): Promise<() => Promise<void>> {
  // BENCH_SERVER_ARGS: extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      NEWSROOM_DATA_DIR: target.dataDir,
      NEWSROOM_SEED: 'none',
      NEWSROOM_LOG: 'off',
      ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : { DATABASE_URL: '' }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  serverPid = child.pid ?? null;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) {
        return async () => {
          child.kill('SIGTERM');
          await exited;
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start');
}

async function logIn(): Promise<Record<string, string>> {
  const response = await fetch(`${BASE}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: REPORTER.email, password: REPORTER.password }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  return { cookie, 'x-csrf-token': csrfToken };
}

/**
 * The load's requests: node:http over kept-alive connections, one per client. Lighter than
 * `fetch` (0.2–0.4 ms of CPU per request against ~1 ms, docs/benchmarks.md), as autocannon
 * would be: the load shares the machine's two cores with the server, and what the load spends
 * is not the server's latency.
 */
let agent: http.Agent | undefined;

function send(method: string, pathAndQuery: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: PORT, method, path: pathAndQuery, agent, headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const ok = (status: number) => status >= 200 && status < 300;

interface PhaseResult {
  latencies: number[];
  seconds: number;
  failures: number;
  /** Server CPU time over the phase, ms. */
  cpuMs: number | null;
  /** PostgreSQL's CPU time over the phase (when it runs on this machine), ms. */
  databaseCpuMs: number | null;
  /** The machine's busy CPU time over the phase, ms. */
  machineCpuMs: number | null;
  /** This process's (the load's) CPU time over the phase, ms. */
  loadCpuMs: number;
}

const spent = (before: number | null, after: number | null) => (before === null || after === null ? null : after - before);

/**
 * `clients` loops calling `request` for SECONDS; latency of every answer. Back to back by
 * default (the most the server does); with `everyMs`, each client sends on a schedule, one
 * request every `everyMs` (an editor's autosave at a set rate), and a request's latency counts
 * from when it was due, so a server falling behind is not hidden by the clients waiting for it.
 */
async function phase(clients: number, request: (client: number, n: number) => Promise<boolean>, everyMs?: number): Promise<PhaseResult> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const cpuBefore = serverCpuMs();
  const databaseBefore = localPostgres ? postgresCpuMs() : null;
  const machineBefore = machineCpuMs();
  const loadBefore = process.cpuUsage();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      // Scheduled clients start spread over one interval, as editors' saves would be.
      const first = started + (everyMs ? (everyMs * client) / clients : 0);
      for (let n = 0; ; n++) {
        const due = everyMs ? first + n * everyMs : performance.now();
        if (due >= until) break;
        if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
        const ok = await request(client, n);
        latencies.push(performance.now() - due);
        if (!ok) failures++;
      }
    }),
  );
  return {
    latencies,
    seconds: (performance.now() - started) / 1000,
    failures,
    cpuMs: spent(cpuBefore, serverCpuMs()),
    databaseCpuMs: spent(databaseBefore, localPostgres ? postgresCpuMs() : null),
    machineCpuMs: spent(machineBefore, machineCpuMs()),
    loadCpuMs: ((usage) => (usage.user + usage.system) / 1000)(process.cpuUsage(loadBefore)),
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

function report(label: string, result: PhaseResult, p95Target: number, rateTarget?: number) {
  const p50 = percentile(result.latencies, 50);
  const p95 = percentile(result.latencies, 95);
  const rate = result.latencies.length / result.seconds;
  console.log(
    `  ${label.padEnd(26)} p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms (target <= ${p95Target})  ` +
      `${rate.toFixed(0).padStart(5)}/s${rateTarget ? ` (target >= ${rateTarget})` : ''}  failures ${result.failures}` +
      (result.cpuMs === null ? '' : `  server CPU ${(result.cpuMs / result.latencies.length).toFixed(2)} ms/request`) +
      (result.databaseCpuMs === null ? '' : `, PostgreSQL ${(result.databaseCpuMs / result.latencies.length).toFixed(2)}`) +
      `, load ${(result.loadCpuMs / result.latencies.length).toFixed(2)}` +
      (result.machineCpuMs === null ? '' : `, machine ${(result.machineCpuMs / result.latencies.length).toFixed(2)}`),
  );
}

async function measure(target: Target) {
  console.log(`${target.name}:`);
  await seed(target);
  // Connections to this target's server only.
  agent?.destroy();
  agent = new http.Agent({ keepAlive: true, maxSockets: EDITORS });
  const stop = await startServer(target);
  try {
    const auth = await logIn();
    const json = { ...auth, 'content-type': 'application/json' };

    // Saving: each editor has its own story and changes one paragraph per save, two ways in one
    // run: as the editor saves (only the changed block as `bodyPatch`, without the blocks' order
    // since the paragraph is edited in place, and the answer without the body,
    // `Prefer: return=minimal`), and, for comparison, the whole body sent and the whole story
    // answered, as saves went before.
    const editors = await Promise.all(
      Array.from({ length: EDITORS }, async (_, i) => {
        const response = await fetch(`${BASE}/api/stories`, { method: 'POST', headers: json, body: JSON.stringify({ headline: `Long story ${i}`, body: bigBody(i) }) });
        if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
        // The server gave every block its id.
        const story = (await response.json()) as { id: string; revision: number; body: { type: 'doc'; content: JSONContent[] } };
        return { id: story.id, revision: story.revision, body: story.body, editorId: `bench-editor-${i}` };
      }),
    );
    const bodyBytes = JSON.stringify({ body: editors[0]!.body }).length;
    // BENCH_ONLY_SAVES=patch: only the changed-block saves (for a profile of what the editor sends).
    let sent = 0;
    const save = async (client: number, whole: boolean) => {
      const n = sent++;
      const editor = editors[client]!;
      const at = n % editor.body.content.length;
      const block = { ...paragraph(`${bodyWords(59, n)} edit${n}`), attrs: { id: editor.body.content[at]!.attrs!.id } };
      editor.body.content[at] = block;
      const response = await send(
        'PATCH',
        `/api/stories/${editor.id}`,
        { ...json, 'if-match': `"${editor.revision}"`, 'x-editor-id': editor.editorId, ...(whole ? {} : { prefer: 'return=minimal' }) },
        JSON.stringify(whole ? { body: editor.body } : { bodyPatch: { blocks: [block] } }),
      );
      if (!ok(response.status)) return false;
      editor.revision = (JSON.parse(response.text) as { revision: number }).revision;
      return true;
    };
    const kb = `${(bodyBytes / 1024).toFixed(0)} KB`;
    // BENCH_ONLY_READS=1: straight to listing and search (for a profile of those alone).
    const reads = Boolean(process.env.BENCH_ONLY_READS);
    for (const whole of reads ? [] : process.env.BENCH_ONLY_SAVES === 'patch' ? [false] : [true, false]) {
      report(`save ${kb} x${EDITORS}, ${whole ? 'whole body' : 'changed block'}`, await phase(EDITORS, (client) => save(client, whole)), 25, 500);
    }
    // The target's two figures together: 500 saves a second offered (each of the 20 editors
    // saving every 40 ms, a changed block each time), and the latency every save then sees.
    if (!reads) {
      const paced = await phase(EDITORS, (client) => save(client, false), (1000 * EDITORS) / 500);
      report(`save ${kb}, 500/s offered`, paced, 25, 500);
    }
    if (process.env.BENCH_ONLY_SAVES) return;

    const list = await phase(EDITORS, async () => {
      return ok((await send('GET', '/api/stories', auth)).status);
    });
    report(`list (${STORIES} stories)`, list, 50);

    const search = await phase(EDITORS, async (_, n) => {
      return ok((await send('GET', `/api/stories?q=${VOCABULARY[n % VOCABULARY.length]}`, auth)).status);
    });
    report(`search (${STORIES} stories)`, search, 50);

    // A rare word: the number in one story's headline (the set of matches is tiny; the list walks further to fill a page).
    const rare = await phase(EDITORS, async (_, n) => {
      return ok((await send('GET', `/api/stories?q=${10_000 + ((n * 7919) % Math.max(1, STORIES - 10_000))}`, auth)).status);
    });
    report(`search, rare word`, rare, 50);
  } finally {
    await stop();
  }
}

async function main() {
  console.log(`${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}; ${SECONDS} s per phase`);
  for (const make of process.env.BENCH_ONLY_POSTGRES ? [postgresTarget] : [sqliteTarget, postgresTarget]) {
    const target = await make();
    if (!target) continue;
    const host = target.databaseUrl ? new URL(target.databaseUrl).hostname.toLowerCase() : null;
    // On this machine: over loopback or its socket directory (a host that is a path, %2F…).
    localPostgres = host !== null && (['127.0.0.1', 'localhost', '[::1]', ''].includes(host) || host.startsWith('%2f'));
    try {
      await measure(target);
    } finally {
      await target.cleanUp();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
