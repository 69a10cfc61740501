/**
 * Bundle budgets (issue 8): the JavaScript a browser downloads before a screen is interactive,
 * gzip-compressed, from the built app's manifest. Sizes are deterministic (not timings), so
 * `npm test` runs this after the build and fails when a screen is over budget. Alone:
 * `npm run bench:bundle`. Figures are recorded in docs/benchmarks.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const DIST = path.resolve(import.meta.dirname, '..', 'dist');
const KB = 1024;

/** Screens and what they may cost: the entry chunk plus the screen's lazy route chunk, with everything they import. */
export const BUDGETS: Array<{ screen: string; route: string; limitKb: number }> = [
  { screen: 'login page', route: 'src/features/auth/components/LoginPage.tsx', limitKb: 130 },
  { screen: 'story list', route: 'src/features/stories/components/StoryListPage.tsx', limitKb: 130 },
  { screen: 'story editor', route: 'src/features/editor/components/StoryEditorPage.tsx', limitKb: 280 },
];

function closure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const stack = [...keys];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    files.add(chunk.file);
    stack.push(...(chunk.imports ?? []));
  }
  return files;
}

export function measure(): Array<{ screen: string; kb: number; limitKb: number }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)![0];
  return BUDGETS.map(({ screen, route, limitKb }) => {
    const files = [...closure(manifest, [entry, route])].filter((file) => file.endsWith('.js'));
    const bytes = files.reduce((sum, file) => sum + gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length, 0);
    return { screen, kb: Math.round((bytes / KB) * 10) / 10, limitKb };
  });
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const results = measure();
  for (const { screen, kb, limitKb } of results) {
    console.log(`${kb <= limitKb ? 'ok  ' : 'OVER'} ${screen.padEnd(14)} ${kb.toFixed(1).padStart(6)} KB gzip (budget ${limitKb} KB)`);
  }
  const over = results.filter(({ kb, limitKb }) => kb > limitKb);
  if (over.length > 0) {
    console.error(`Bundle budget exceeded: ${over.map(({ screen }) => screen).join(', ')}`);
    process.exit(1);
  }
}
