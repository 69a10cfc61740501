/**
 * The editor screen's code (its own chunk, ~160 KB gzip), loaded once: by the router when a
 * story opens, and ahead of that from the story list — when the browser is idle and when a
 * story's link is pointed at or focused — so a click does not wait for the download and the
 * compile.
 */

/** Loads a module once and keeps it; a failed load is forgotten, so the next call tries again. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}

export const loadEditorScreen = loadOnce(() => import('./components/StoryEditorPage'));

/** Starts loading the editor's code, ignoring failures (the router reports them when a story is opened). */
export function prefetchEditorScreen(): void {
  loadEditorScreen().catch(() => undefined);
}

/** Prefetches the editor's code once the browser is idle (at the latest after `timeoutMs`); returns the cancel. */
export function prefetchEditorScreenWhenIdle(timeoutMs = 2000): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(() => prefetchEditorScreen(), { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(prefetchEditorScreen, 200);
  return () => window.clearTimeout(timer);
}
