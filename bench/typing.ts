/**
 * Typing latency and open time on long stories (issue 8, targets 1 and 2), against bare TipTap.
 *
 * Per keystroke, the sum of the keydown, keypress, beforeinput, input and keyup `EventDispatch`
 * durations in Chromium's trace (the method of Gutenberg's performance suite), in
 *  - the full app's editor (toolbar, word count, autosave and its journal, presence) on a 10,000-word story with 30 figures
 *    and 10 read-also blocks, and on a 36,000-word story;
 *  - bare TipTap (StarterKit only, no React) holding the same words, in the same run;
 *  - TipTap in React (StarterKit only, through `@tiptap/react`'s `useEditor` and `EditorContent`
 *    with their defaults, in a React root of its own: bench/react-tiptap) holding the same words,
 *    in the same run: a second baseline that differs from bare TipTap only in the React root around
 *    the editor, whose `input` listener makes ProseMirror's transaction run inside that event.
 * Every editor types at the end of the same paragraph of the story, a fresh one each round, and the
 * run fails unless the typed text is in the body as typed.
 * Also: from a click on the story in the list to an editable body, for the 10,000-word story.
 *
 * Also printed, as an additional figure beside the target's: each keystroke's Event Timing duration
 * (key press to the next frame painted after it was handled), which counts work done after the
 * key events but before that paint.
 *
 * Run: `npm run bench:typing` (builds first). Record the figures in docs/benchmarks.md.
 * `BENCH_PROFILE=<dir>`: instead, write a trace with JavaScript samples of typing in each editor at
 * 10,000 words (`app-10k.trace.json`, `bare-10k.trace.json`, `tiptap-react-10k.trace.json`) and
 * of opening that story from the list (`open-10k.trace.json`), for DevTools' Performance panel
 * (build with `npx vite build --minify false` first for function names). `BENCH_ONLY_OPEN=1`: the open
 * time alone, `BENCH_OPENS` times (default 5); with `BENCH_PROFILE`, the open's trace alone. `BENCH_APP_PORT`,
 * `BENCH_BARE_PORT`, `BENCH_REACT_PORT`: the servers' ports (3199, 3198, 3197).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, request, type Browser, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build, preview, type PluginOption } from 'vite';
import type { JSONContent as NodeJSON } from '@tiptap/core';
import type { DocumentJSON } from '../src/domain/document/types';
import { TEST_ACCOUNTS } from '../e2e/support/accounts';
import { jpegBytes } from '../server/test/images';
import { pseudoWords } from './words';

const ROOT = path.resolve(import.meta.dirname, '..');
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3199);
const BARE_PORT = Number(process.env.BENCH_BARE_PORT ?? 3198);
const REACT_PORT = Number(process.env.BENCH_REACT_PORT ?? 3197);
const APP_URL = `http://127.0.0.1:${APP_PORT}`;
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 150);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const TYPED = 'the council said on monday that the new ferry would run through the winter months, ';
const PROFILE_DIR = process.env.BENCH_PROFILE;
const KEY_EVENTS = new Set(['keydown', 'keypress', 'beforeinput', 'input', 'keyup']);

// ---- the stories ------------------------------------------------------------------------------

/** A sentence of pseudo-random words, so every run types into the same story. */
function words(count: number, seed: number): string {
  const out = pseudoWords(count, seed);
  out[0] = out[0]!.charAt(0).toUpperCase() + out[0]!.slice(1);
  return `${out.join(' ')}.`;
}

const paragraph = (text: string): NodeJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** About `totalWords` words in 60-word paragraphs with a subheading every 15, plus figures and read-also blocks spread evenly. */
function longStory(totalWords: number, options: { photoId?: string; figures?: number; readAlsoTo?: string; readAlso?: number }): DocumentJSON {
  const paragraphs = Math.round(totalWords / 60);
  const content: NodeJSON[] = [];
  const every = (count: number | undefined) => (count ? Math.floor(paragraphs / count) : Infinity);
  for (let i = 0; i < paragraphs; i++) {
    if (i > 0 && i % 15 === 0) content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: words(5, i) }] });
    content.push(paragraph(words(60, i + 1)));
    if (options.photoId && i % every(options.figures) === every(options.figures) - 1) {
      content.push({
        type: 'figure',
        attrs: { photoId: options.photoId, credit: 'Newsdesk', alt: 'A ferry at the quay', width: 1200, height: 800 },
        content: [{ type: 'text', text: `Passengers board the ferry, picture ${i}.` }],
      });
    }
    if (options.readAlsoTo && i % every(options.readAlso) === Math.floor(every(options.readAlso) / 2)) {
      content.push({ type: 'readAlso', attrs: { storyId: options.readAlsoTo, label: 'Read also' } });
    }
  }
  return { type: 'doc', content };
}

/** The same words for StarterKit: figures become their caption's paragraph, read-also blocks a line of text. */
function forStarterKit(doc: DocumentJSON): DocumentJSON {
  return {
    type: 'doc',
    content: (doc.content ?? []).map((node) => {
      if (node.type === 'figure') return paragraph((node.content?.[0] as { text: string }).text);
      if (node.type === 'readAlso') return paragraph('Read also: Ferry timetable for the winter');
      return node;
    }),
  };
}

// ---- servers ---------------------------------------------------------------------------------

async function startApp(): Promise<() => void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/support/test-server.ts'], {
    cwd: ROOT,
    env: { ...process.env, E2E_PORT: String(APP_PORT) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${APP_URL}/api/health`)).ok) return () => child.kill('SIGTERM');
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the app server did not start');
}

/** Builds and serves a baseline page of bench/ (`bare-tiptap`, `react-tiptap`) on `port`. */
async function startBaseline(name: string, port: number, plugins: PluginOption[] = []): Promise<() => Promise<void>> {
  const root = path.join(ROOT, 'bench', name);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  await build({ configFile: false, root, logLevel: 'warn', plugins, build: { outDir, emptyOutDir: true, minify: !PROFILE_DIR, chunkSizeWarningLimit: 2000 } });
  const server = await preview({ configFile: false, root, logLevel: 'warn', build: { outDir }, preview: { port, host: '127.0.0.1', strictPort: true } });
  return async () => {
    await server.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  };
}

/** Stories made through the API, as a reporter would, so the server validates and stores them. */
async function seedStories(): Promise<{ tenK: { id: string; headline: string }; thirtySixK: { id: string } }> {
  const api = await request.newContext({ baseURL: APP_URL });
  const { email, password } = TEST_ACCOUNTS.reporter;
  const login = await api.post('/api/session', { data: { email, password } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const create = async (fields: Record<string, unknown>) => {
    const response = await api.post('/api/stories', { data: fields, headers });
    if (response.status() !== 201) throw new Error(`create failed: ${response.status()} ${await response.text()}`);
    return (await response.json()) as { id: string; headline: string };
  };
  const upload = await api.post('/api/photos', { multipart: { file: { name: 'ferry.jpg', mimeType: 'image/jpeg', buffer: await jpegBytes() } }, headers });
  if (!upload.ok()) throw new Error(`upload failed: ${upload.status()} ${await upload.text()}`);
  const photo = (await upload.json()) as { id: string };
  const target = await create({ headline: 'Ferry timetable for the winter', body: { type: 'doc', content: [paragraph(words(40, 99))] } });
  const thirtySixK = await create({ headline: 'The long investigation', body: longStory(36_000, {}) });
  // Created last, so it is at the top of the story list for the open-time measurement.
  const tenK = await create({ headline: 'Ferry inquiry, the full report', body: longStory(10_000, { photoId: photo.id, figures: 30, readAlsoTo: target.id, readAlso: 10 }) });
  await api.dispose();
  return { tenK, thirtySixK };
}

// ---- measuring -------------------------------------------------------------------------------

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  args?: { data?: { type?: string } };
}

/**
 * The paragraph every editor types into in round `round`: one of the story's 60-word paragraphs
 * from the middle on, the same words in the app and the baselines, and one not typed into before
 * (the app keeps what earlier rounds typed, the baselines start afresh).
 */
function typedInto(totalWords: number, round: number): string {
  return words(60, Math.floor(Math.round(totalWords / 60) / 2) + round + 1);
}

/** Puts the caret at the end of the body's paragraph that reads `text`, as a click there would. */
async function caretAtTheEndOf(page: Page, text: string) {
  await page.evaluate((wanted) => {
    const body = document.querySelector<HTMLElement>('.ProseMirror[contenteditable="true"]')!;
    const target = [...body.querySelectorAll(':scope > p')].find((paragraph) => paragraph.textContent === wanted);
    if (!target) throw new Error(`no paragraph reads "${wanted.slice(0, 40)}…"`);
    target.scrollIntoView({ block: 'center' });
    body.focus();
    const range = document.createRange();
    range.selectNodeContents(target);
    range.collapse(false);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, text);
  // ProseMirror picks the DOM selection up on selectionchange.
  await page.waitForTimeout(200);
}

/** Fails the run unless the typed text is in the editor's body, all of it, in one piece, as typed. */
async function typedTextLanded(page: Page, text: string, label: string) {
  const landed = await page.evaluate(
    (typed) => document.querySelector('.ProseMirror[contenteditable="true"]')!.textContent!.includes(typed),
    text,
  );
  if (!landed) throw new Error(`${label}: the typed text is not in the body as typed`);
}

/**
 * Per sample set, the total time of each key event type and the keystrokes seen: where the time
 * goes (Chromium dispatches beforeinput and input inside keypress, so they count twice in the sum).
 */
const byEventType: Record<string, { keystrokes: number; ms: Record<string, number> }> = {};
/** Per sample set, each keystroke's Event Timing duration (ms): key press to the next paint after it was handled. */
const keyToPaint: Record<string, number[]> = {};
/**
 * Per sample set, each keystroke's keydown + keypress + keyup: the sum Gutenberg's suite takes
 * (`getTypingEventDurations`), in which beforeinput and input count once, inside keypress.
 */
const outerEventSums: Record<string, number[]> = {};
const OUTER_EVENTS = new Set(['keydown', 'keypress', 'keyup']);

/** Types KEYSTROKES characters with a trace running; returns each keystroke's input-handling time in ms. */
async function typeAndTrace(browser: Browser, page: Page, label: string, into: string): Promise<number[]> {
  await caretAtTheEndOf(page, into);
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  const text = TYPED.repeat(Math.ceil(KEYSTROKES / TYPED.length)).slice(0, KEYSTROKES);
  await page.keyboard.type(text, { delay: 40 });
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  await typedTextLanded(page, text, label);
  const dispatches = trace.traceEvents
    .filter((event) => event.name === 'EventDispatch' && event.ph === 'X' && KEY_EVENTS.has(event.args?.data?.type ?? ''))
    .sort((a, b) => a.ts - b.ts);
  const perKeystroke: number[] = [];
  const outer = (outerEventSums[label] ??= []);
  const types = (byEventType[label] ??= { keystrokes: 0, ms: {} });
  for (const event of dispatches) {
    const type = event.args!.data!.type!;
    if (type === 'keydown') {
      perKeystroke.push(0);
      outer.push(0);
    }
    if (perKeystroke.length === 0) continue;
    perKeystroke[perKeystroke.length - 1]! += (event.dur ?? 0) / 1000;
    if (OUTER_EVENTS.has(type)) outer[outer.length - 1]! += (event.dur ?? 0) / 1000;
    types.ms[type] = (types.ms[type] ?? 0) + (event.dur ?? 0) / 1000;
  }
  types.keystrokes += perKeystroke.length;
  if (perKeystroke.length < KEYSTROKES * 0.9) throw new Error(`saw ${perKeystroke.length} keystrokes in the trace, typed ${KEYSTROKES}`);
  // An additional figure, not the target's: Chromium's Event Timing duration of each keystroke
  // (the longest of its key events), from the key press to the next frame painted after it was
  // handled — so work moved out of the events but done before that paint still counts.
  const timings = trace.traceEvents
    .filter((event) => event.name === 'EventTiming' && event.ph === 'b' && KEY_EVENTS.has(event.args?.data?.type ?? ''))
    .sort((a, b) => a.ts - b.ts);
  const toPaint = (keyToPaint[label] ??= []);
  let current: number | null = null;
  for (const event of timings) {
    const data = event.args!.data as { type: string; duration?: number };
    if (data.type === 'keydown') {
      if (current !== null) toPaint.push(current);
      current = 0;
    }
    if (current !== null) current = Math.max(current, data.duration ?? 0);
  }
  if (current !== null) toPaint.push(current);
  return perKeystroke;
}

/** Types KEYSTROKES characters while tracing with the JavaScript sampler on; writes the trace (for DevTools' Performance panel) to `file`. */
async function typeAndProfile(browser: Browser, page: Page, file: string, into: string): Promise<number[]> {
  await caretAtTheEndOf(page, into);
  await browser.startTracing(page, { categories: process.env.BENCH_TRACE_CATEGORIES?.split(',') ?? ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler', 'v8.execute'] });
  const text = TYPED.repeat(Math.ceil(KEYSTROKES / TYPED.length)).slice(0, KEYSTROKES);
  await page.keyboard.type(text, { delay: 40 });
  fs.writeFileSync(file, await browser.stopTracing());
  return [];
}

const measure = (browser: Browser, page: Page, label: string, into: string) =>
  PROFILE_DIR ? typeAndProfile(browser, page, path.join(PROFILE_DIR, `${label}.trace.json`), into) : typeAndTrace(browser, page, label, into);

/** Types into a baseline page (bare TipTap on BARE_PORT, TipTap in React on REACT_PORT) holding `doc`, at the end of the paragraph `into`. */
async function inBaseline(browser: Browser, port: number, doc: DocumentJSON, label: string, into: string): Promise<number[]> {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.evaluate((content) => window.startEditor(content), doc as never);
  await page.waitForSelector('.ProseMirror[contenteditable="true"] p');
  const samples = await measure(browser, page, label, into);
  await page.close();
  return samples;
}

async function logIn(page: Page) {
  const { email, password } = TEST_ACCOUNTS.reporter;
  await page.goto(`${APP_URL}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

async function inTheApp(browser: Browser, storyId: string, label: string, into: string): Promise<number[]> {
  const page = await browser.newPage();
  await logIn(page);
  await page.goto(`${APP_URL}/stories/${storyId}`);
  await page.getByRole('textbox', { name: 'Story body' }).waitFor();
  await page.waitForSelector('.ProseMirror[contenteditable="true"] p');
  const samples = await measure(browser, page, label, into);
  // Let the autosave finish so the next round starts from a saved story.
  await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
  await page.close();
  return samples;
}

interface OpenTimes {
  /** From the click event to the first frame whose DOM holds the editable body (the target's figure). */
  editable: number;
  /** From the click event to the end of that frame: the body drawn on screen. */
  painted: number;
  /** As this bench measured it before 2026-12-02: from just before Playwright starts its click (its checks included) to editable. */
  fromBeforeClick: number;
}

/**
 * Installed in the page before the click: it notes the click event's time stamp and checks each
 * animation frame for the editable body, then for the end of that frame (the body drawn). A string, so
 * the bundler's helpers never reach the page.
 */
const OPEN_PROBE = `(() => {
  const beforeClick = performance.now();
  let clickedAt = null;
  window.addEventListener('click', (event) => { if (clickedAt === null) clickedAt = event.timeStamp; }, { capture: true });
  window.benchOpen = new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('the story body was not editable within 30 s of the click')), 30000);
    // performance.now(), not the frame's time stamp: a frame held up by a long task is stamped
    // when it was due, before the task ended.
    requestAnimationFrame(function check() {
      const body = document.querySelector('.ProseMirror[contenteditable="true"]');
      if (clickedAt === null || !body || body.querySelectorAll(':scope > p').length <= 100) return requestAnimationFrame(check);
      const now = performance.now();
      // A message posted in a frame's callback is taken after that frame is drawn.
      const afterFrame = new MessageChannel();
      afterFrame.port1.onmessage = () => resolve({ editable: now - clickedAt, painted: performance.now() - clickedAt, fromBeforeClick: now - beforeClick });
      afterFrame.port2.postMessage(null);
    });
  });
})()`;

/**
 * From a click on the story in the list to a body that takes typing, measured in the page: the
 * click event's own time stamp, and a check in each animation frame installed before the click
 * (not Playwright polling, whose own work in the page would be counted).
 */
async function openTime(browser: Browser, headline: string, traceFile?: string): Promise<OpenTimes> {
  const page = await browser.newPage();
  await logIn(page);
  await page.goto(`${APP_URL}/stories`);
  const link = page.getByRole('link', { name: headline });
  await link.waitFor();
  if (traceFile) {
    await page.waitForTimeout(1000);
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler', 'v8.execute', 'blink.user_timing', 'loading', 'netlog'] });
  }
  await page.evaluate(OPEN_PROBE);
  await link.click();
  const times = (await page.evaluate('window.benchOpen')) as OpenTimes;
  if (traceFile) fs.writeFileSync(traceFile, await browser.stopTracing());
  await page.close();
  return times;
}

/** The open figures of a run, one line. */
function openSummary(opens: OpenTimes[]): string {
  const line = (key: keyof OpenTimes) => `median ${fmt(median(opens.map((open) => open[key])))}, max ${fmt(Math.max(...opens.map((open) => open[key])))}`;
  return [
    `Open the 10,000-word story from the list (ms), ${opens.length} times:`,
    `  click to editable ${line('editable')} (target <= 300); all: ${opens.map((open) => open.editable.toFixed(0)).join(' ')}`,
    `  click to painted  ${line('painted')}`,
    `  as measured before 2026-12-02 (from before Playwright's click) ${line('fromBeforeClick')}`,
  ].join('\n');
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const median = (values: number[]) => percentile(values, 50);
const fmt = (ms: number) => ms.toFixed(2).padStart(7);

async function main() {
  const stopApp = await startApp();
  const stopBare = await startBaseline('bare-tiptap', BARE_PORT);
  const stopReact = await startBaseline('react-tiptap', REACT_PORT, [react()]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const { tenK, thirtySixK } = await seedStories();
    const tenKDoc = forStarterKit(longStory(10_000, { photoId: 'x', figures: 30, readAlsoTo: 'x', readAlso: 10 }));
    const thirtySixKDoc = forStarterKit(longStory(36_000, {}));
    if (PROFILE_DIR) {
      fs.mkdirSync(PROFILE_DIR, { recursive: true });
      // With BENCH_ONLY_OPEN=1, the open's trace alone.
      if (!process.env.BENCH_ONLY_OPEN) {
        await inBaseline(browser, BARE_PORT, tenKDoc, 'bare-10k', typedInto(10_000, 0));
        await inBaseline(browser, REACT_PORT, tenKDoc, 'tiptap-react-10k', typedInto(10_000, 0));
        await inTheApp(browser, tenK.id, 'app-10k', typedInto(10_000, 0));
      }
      await openTime(browser, tenK.headline);
      const opened = await openTime(browser, tenK.headline, path.join(PROFILE_DIR, 'open-10k.trace.json'));
      console.log(`Traces of typing at 10,000 words and of opening that story (${opened.editable.toFixed(1)} ms to editable) written to ${PROFILE_DIR}`);
      return;
    }
    // BENCH_ONLY_OPEN=1: the open time alone, BENCH_OPENS times (for comparing builds on it).
    if (process.env.BENCH_ONLY_OPEN) {
      const opens: OpenTimes[] = [];
      for (let i = 0; i < Number(process.env.BENCH_OPENS ?? 5); i++) opens.push(await openTime(browser, tenK.headline));
      console.log(openSummary(opens));
      return;
    }
    const samples: Record<string, number[]> = { 'bare 10k': [], 'tiptap-react 10k': [], 'app 10k': [], 'bare 36k': [], 'tiptap-react 36k': [], 'app 36k': [] };
    // Interleaved rounds, so drift on a noisy machine falls on all sides alike.
    for (let round = 0; round < ROUNDS; round++) {
      const [into10k, into36k] = [typedInto(10_000, round), typedInto(36_000, round)];
      samples['bare 10k']!.push(...(await inBaseline(browser, BARE_PORT, tenKDoc, 'bare 10k', into10k)));
      samples['tiptap-react 10k']!.push(...(await inBaseline(browser, REACT_PORT, tenKDoc, 'tiptap-react 10k', into10k)));
      samples['app 10k']!.push(...(await inTheApp(browser, tenK.id, 'app 10k', into10k)));
      samples['bare 36k']!.push(...(await inBaseline(browser, BARE_PORT, thirtySixKDoc, 'bare 36k', into36k)));
      samples['tiptap-react 36k']!.push(...(await inBaseline(browser, REACT_PORT, thirtySixKDoc, 'tiptap-react 36k', into36k)));
      samples['app 36k']!.push(...(await inTheApp(browser, thirtySixK.id, 'app 36k', into36k)));
    }
    const opens: OpenTimes[] = [];
    for (let i = 0; i < Number(process.env.BENCH_OPENS ?? 5); i++) opens.push(await openTime(browser, tenK.headline));

    console.log(`Per-keystroke input handling (ms), ${KEYSTROKES} keystrokes x ${ROUNDS} rounds each, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
    console.log('(tiptap-react: TipTap with StarterKit through @tiptap/react, useEditor + EditorContent with their defaults, in a React root of its own)');
    console.log('                   median     p95     max');
    for (const [name, values] of Object.entries(samples)) {
      console.log(`${name.padEnd(16)} ${fmt(median(values))} ${fmt(percentile(values, 95))} ${fmt(Math.max(...values))}`);
    }
    console.log('Mean per keystroke by event (ms; beforeinput and input run inside keypress)');
    for (const [name, { keystrokes, ms }] of Object.entries(byEventType)) {
      console.log(`${name.padEnd(16)} ${[...KEY_EVENTS].map((type) => `${type} ${((ms[type] ?? 0) / keystrokes).toFixed(2)}`).join(', ')}`);
    }
    console.log('Additional figure (not the target): key press to next paint, Event Timing duration per keystroke (ms)');
    for (const [name, values] of Object.entries(keyToPaint)) {
      if (values.length > 0) console.log(`${name.padEnd(16)} ${fmt(median(values))} ${fmt(percentile(values, 95))} ${fmt(Math.max(...values))}`);
    }
    for (const size of ['10k', '36k']) {
      const ratio = percentile(samples[`app ${size}`]!, 95) / percentile(samples[`bare ${size}`]!, 95);
      const medianRatio = median(samples[`app ${size}`]!) / median(samples[`bare ${size}`]!);
      console.log(`app / bare at ${size}: p95 ${ratio.toFixed(2)}x, median ${medianRatio.toFixed(2)}x (target <= 1.25x)`);
    }
    // The same ratio with each moment counted once: keydown + keypress + keyup, as Gutenberg's suite sums them.
    console.log('Additional figure: keydown + keypress + keyup per keystroke (ms), beforeinput and input counted once, inside keypress');
    for (const [name, values] of Object.entries(outerEventSums)) {
      console.log(`${name.padEnd(16)} ${fmt(median(values))} ${fmt(percentile(values, 95))} ${fmt(Math.max(...values))}`);
    }
    for (const size of ['10k', '36k']) {
      const [app, bare] = [outerEventSums[`app ${size}`]!, outerEventSums[`bare ${size}`]!];
      console.log(`app / bare at ${size}, each moment once: p95 ${(percentile(app, 95) / percentile(bare, 95)).toFixed(2)}x, median ${(median(app) / median(bare)).toFixed(2)}x`);
    }
    // Not the target's: the app against TipTap in a React root of its own, and that against bare TipTap.
    const ratios = (top: string, bottom: string, size: string) =>
      `p95 ${(percentile(samples[`${top} ${size}`]!, 95) / percentile(samples[`${bottom} ${size}`]!, 95)).toFixed(2)}x, median ${(median(samples[`${top} ${size}`]!) / median(samples[`${bottom} ${size}`]!)).toFixed(2)}x`;
    for (const size of ['10k', '36k']) {
      console.log(`app / tiptap-react at ${size}: ${ratios('app', 'tiptap-react', size)}`);
      console.log(`tiptap-react / bare at ${size}: ${ratios('tiptap-react', 'bare', size)}`);
    }
    console.log(openSummary(opens));
  } finally {
    await browser.close();
    await stopBare();
    await stopReact();
    stopApp();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
