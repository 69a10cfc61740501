/*
 * Newsdesk's service worker: the app opens without a connection, so a story edited offline can
 * be reloaded and still shows what was typed (the words themselves wait in the IndexedDB
 * journal, see src/lib/journal.ts).
 * - The app shell (index.html and the built assets listed in /asset-list.json) is cached.
 * - Pages: network first, the cached shell when offline.
 * - Built assets: from the cache (their names change with their content).
 * - The session and single stories (GET): from the network; when it cannot be reached, the last
 *   answer the app kept (src/lib/offline-shell.ts writes them; they are dropped at logout).
 */
const SHELL_CACHE = 'newsdesk-shell';
// The same name as in src/lib/offline-shell.ts, which writes this cache.
const API_CACHE = 'newsdesk-api';
const OFFLINE_API = [/^\/api\/session$/, /^\/api\/stories\/[A-Za-z0-9_-]+$/];

async function precache() {
  const response = await fetch('/asset-list.json', { cache: 'no-store' });
  if (!response.ok) return;
  const assets = await response.json();
  const cache = await caches.open(SHELL_CACHE);
  const cached = new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
  // Each asset is kept as it comes: one that fails (a dropped connection) costs only itself, not
  // the whole shell (as addAll's all-or-nothing would), and the next visit's top-up fetches it.
  await Promise.allSettled(['/', ...assets.filter((asset) => !cached.has(asset))].map((asset) => cache.add(asset)));
  // Assets of older builds go.
  const wanted = new Set(['/', ...assets]);
  for (const request of await cache.keys()) {
    if (!wanted.has(new URL(request.url).pathname)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  // A failed precache (the asset list unreachable) must not fail the install: a worker that never
  // activates leaves the app with no offline shell at all, until some later visit registers anew.
  event.waitUntil(precache().catch(() => undefined).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('message', (event) => {
  if (event.data === 'precache') event.waitUntil(precache().catch(() => undefined));
});

/** Pages: from the network (the app's page kept as the offline copy), else that copy. */
async function page(request) {
  try {
    const response = await fetch(request);
    // Only the app's own HTML page is kept: a photo or feed opened in a tab must not become it.
    if (response.ok && (response.headers.get('content-type') ?? '').startsWith('text/html')) {
      await (await caches.open(SHELL_CACHE)).put('/', response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match('/', { cacheName: SHELL_CACHE });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: SHELL_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(SHELL_CACHE)).put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const appPage = !/^\/(api|news|media|assets)\//.test(url.pathname) && !/\.[a-z0-9]+$/i.test(url.pathname);
  if (request.mode === 'navigate' && appPage) {
    event.respondWith(page(request));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (OFFLINE_API.some((pattern) => pattern.test(url.pathname)) && !url.search) {
    event.respondWith(fetch(request).catch((error) => caches.match(url.pathname, { cacheName: API_CACHE }).then((cached) => cached ?? Promise.reject(error))));
  }
});
