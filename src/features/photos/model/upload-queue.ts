import type { Photo } from '../../../domain/api/photos';
import type { UploadedPhoto, UploadOptions } from '../api/upload-photo';

export type UploadStatus = 'waiting' | 'uploading' | 'processing' | 'done' | 'failed' | 'cancelled';

/** One file on its way to the library, as the upload list shows it. */
export interface UploadItem {
  key: string;
  name: string;
  size: number;
  /** Bytes sent so far. */
  loaded: number;
  status: UploadStatus;
  /** Why it failed, in the server's words. */
  error?: string;
  photo?: Photo;
  /** False when the library already had this file. */
  created?: boolean;
}

export type Uploader = (file: File, options: UploadOptions) => Promise<UploadedPhoto>;

export interface UploadQueueOptions {
  /** How many files go at once; the rest wait their turn. */
  concurrency?: number;
  onUploaded?: (item: UploadItem, photo: Photo) => void;
  /** Every upload that ends: uploaded, failed or cancelled. */
  onSettled?: (item: UploadItem) => void;
}

const FINISHED: ReadonlySet<UploadStatus> = new Set(['done', 'failed', 'cancelled']);

export function isFinished(item: UploadItem): boolean {
  return FINISHED.has(item.status);
}

/**
 * Uploads several files, a few at a time, each with its progress and its own cancel. The list
 * is an immutable snapshot, replaced on every change, for React's useSyncExternalStore.
 */
export class UploadQueue {
  private snapshot: readonly UploadItem[] = [];
  private readonly files = new Map<string, File>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly listeners = new Set<() => void>();
  private counter = 0;
  private readonly concurrency: number;

  constructor(
    private readonly uploader: Uploader,
    private readonly options: UploadQueueOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 3;
  }

  readonly items = (): readonly UploadItem[] => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Queues files; returns their keys, in order. */
  add(files: Iterable<File>): string[] {
    const keys: string[] = [];
    const added: UploadItem[] = [];
    for (const file of files) {
      const key = `upload-${++this.counter}`;
      this.files.set(key, file);
      added.push({ key, name: file.name || 'pasted image', size: file.size, loaded: 0, status: 'waiting' });
      keys.push(key);
    }
    if (added.length > 0) {
      this.set([...this.snapshot, ...added]);
      this.pump();
    }
    return keys;
  }

  cancel(key: string): void {
    const item = this.find(key);
    if (!item || isFinished(item)) return;
    this.controllers.get(key)?.abort();
    this.files.delete(key);
    this.update(key, { status: 'cancelled' });
    this.options.onSettled?.(this.find(key)!);
    this.pump();
  }

  /** Takes a finished item off the list. */
  dismiss(key: string): void {
    const item = this.find(key);
    if (item && isFinished(item)) this.set(this.snapshot.filter((entry) => entry.key !== key));
  }

  /** Stops everything still going (leaving the screen). */
  cancelAll(): void {
    for (const item of this.snapshot) if (!isFinished(item)) this.cancel(item.key);
  }

  private find(key: string): UploadItem | undefined {
    return this.snapshot.find((item) => item.key === key);
  }

  private set(items: readonly UploadItem[]) {
    this.snapshot = items;
    for (const listener of this.listeners) listener();
  }

  private update(key: string, changes: Partial<UploadItem>) {
    this.set(this.snapshot.map((item) => (item.key === key ? { ...item, ...changes } : item)));
  }

  private pump() {
    let running = this.snapshot.filter((item) => item.status === 'uploading' || item.status === 'processing').length;
    for (const item of this.snapshot) {
      if (running >= this.concurrency) break;
      if (item.status !== 'waiting') continue;
      running++;
      void this.start(item.key);
    }
  }

  private async start(key: string) {
    const file = this.files.get(key);
    if (!file) return;
    const controller = new AbortController();
    this.controllers.set(key, controller);
    this.update(key, { status: 'uploading' });
    try {
      const { photo, created } = await this.uploader(file, {
        signal: controller.signal,
        onProgress: ({ loaded, total }) => {
          // All sent: the server is checking the photo and making its renditions.
          this.update(key, { loaded, status: loaded >= total ? 'processing' : 'uploading' });
        },
      });
      if (controller.signal.aborted) return;
      this.update(key, { status: 'done', loaded: file.size, photo, created });
      this.options.onUploaded?.(this.find(key)!, photo);
      this.options.onSettled?.(this.find(key)!);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.update(key, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
      this.options.onSettled?.(this.find(key)!);
    } finally {
      this.controllers.delete(key);
      this.files.delete(key);
      this.pump();
    }
  }
}
