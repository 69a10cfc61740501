/**
 * Times SQLite statements inside the server under load: loaded into the server with
 * `BENCH_SERVER_ARGS="--import ./bench/sqlite-commit-times.mjs"` (run from the project root),
 * it prints, when the server stops, how many commits ran and their total, median, p95 and
 * longest time on the main thread (better-sqlite3 is synchronous: nothing else runs meanwhile),
 * and the same for a save's writes: the story row's UPDATE, its body parts and the revision's INSERT.
 * Example: `BENCH_ONLY_SAVES=patch BENCH_STORIES=100 BENCH_SERVER_ARGS="--import ./bench/sqlite-commit-times.mjs" npm run bench:api`
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SQLite = require('better-sqlite3');
const Statement = Object.getPrototypeOf(new SQLite(':memory:').prepare('select 1'));
const run = Statement.run;
const times = { commit: [], 'save writes': [] };
Statement.run = function timedRun(...args) {
  const started = performance.now();
  try {
    return run.apply(this, args);
  } finally {
    const took = performance.now() - started;
    if (this.source === 'commit') times.commit.push(took);
    // A save's writes: the story row (a save always sets its revision), the body's parts, the revision.
    else if (/^update "stories" set .*"revision" = \?|^(insert into|delete from) "story_body_parts"|^insert into "?story_revisions"?/i.test(this.source)) times['save writes'].push(took);
  }
};
process.on('SIGTERM', () => {
  for (const [name, list] of Object.entries(times)) {
    list.sort((a, b) => a - b);
    const total = list.reduce((sum, took) => sum + took, 0);
    const at = (share) => list[Math.min(list.length - 1, Math.floor(list.length * share))]?.toFixed(2) ?? '-';
    console.error(`  ${name}: ${list.length}, total ${total.toFixed(0)} ms, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${list.at(-1)?.toFixed(1) ?? '-'} ms`);
  }
  process.exit(0);
});
