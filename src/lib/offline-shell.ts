/**
 * The service worker (public/service-worker.js) keeps the app and the last copy of the session
 * and of opened stories on this device, so a story can be reopened without a connection. Only in
 * built apps: the dev server's modules change all the time.
 */
export function registerOfflineShell(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('/service-worker.js')
      // Each visit tops up the cache with this build's assets (a new build leaves the worker itself unchanged).
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active?.postMessage('precache'))
      .catch(() => undefined);
  });
}

/** Where the last answers about the session and opened stories are kept (public/service-worker.js reads it by this name when offline). */
const API_CACHE = 'newsdesk-api';

/**
 * Keeps the last answer for an API address on this device, for the service worker to give back
 * when the server cannot be reached. Written by the app (not the worker) so the very first
 * visit's answers are kept too, and saves keep the copy current.
 */
export function keepForOffline(path: string, data: unknown): void {
  if (typeof caches === 'undefined') return;
  const response = new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json; charset=utf-8' } });
  void caches
    .open(API_CACHE)
    .then((cache) => cache.put(path, response))
    .catch(() => undefined);
}

/** At logout: the cached session and stories go from this device. */
export async function forgetOfflineCopies(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(API_CACHE).catch(() => false);
}
