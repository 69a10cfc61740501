import { describe, expect, it } from 'vitest';
import type { Photo } from '../../../domain/api/photos';
import { ApiError } from '../../../lib/api-client';
import type { UploadOptions } from '../api/upload-photo';
import { UploadQueue, type UploadItem } from './upload-queue';

interface Call {
  file: File;
  options: UploadOptions;
  resolve: (photo: Photo) => void;
  reject: (error: unknown) => void;
}

/** An uploader the test answers by hand. */
function fakeUploader() {
  const calls: Call[] = [];
  const uploader = (file: File, options: UploadOptions) =>
    new Promise<{ photo: Photo; created: boolean }>((resolve, reject) => {
      calls.push({ file, options, resolve: (photo) => resolve({ photo, created: true }), reject });
      options.signal?.addEventListener('abort', () => reject(new Error('aborted')));
    });
  return { calls, uploader };
}

const file = (name: string, size = 100) => new File([new Uint8Array(size)], name, { type: 'image/jpeg' });
const photo = (id: string) => ({ id }) as Photo;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const statuses = (queue: UploadQueue) => queue.items().map((item) => `${item.name}:${item.status}`);

describe('UploadQueue', () => {
  it('sends a few files at a time and the rest when those finish, reporting progress', async () => {
    const { calls, uploader } = fakeUploader();
    const uploaded: string[] = [];
    const queue = new UploadQueue(uploader, { concurrency: 2, onUploaded: (_item, result) => uploaded.push(result.id) });
    queue.add([file('a.jpg'), file('b.jpg'), file('c.jpg')]);
    expect(statuses(queue)).toEqual(['a.jpg:uploading', 'b.jpg:uploading', 'c.jpg:waiting']);
    expect(calls).toHaveLength(2);

    calls[0].options.onProgress!({ loaded: 40, total: 100 });
    expect(queue.items()[0]).toMatchObject({ loaded: 40, status: 'uploading' });
    calls[0].options.onProgress!({ loaded: 100, total: 100 });
    expect(queue.items()[0].status).toBe('processing');

    calls[0].resolve(photo('pa'));
    await flush();
    expect(statuses(queue)).toEqual(['a.jpg:done', 'b.jpg:uploading', 'c.jpg:uploading']);
    expect(queue.items()[0].photo).toEqual(photo('pa'));
    expect(uploaded).toEqual(['pa']);
  });

  it('cancels one upload without touching the others, and keeps the server’s reason for a refusal', async () => {
    const { calls, uploader } = fakeUploader();
    const settled: UploadItem[] = [];
    const queue = new UploadQueue(uploader, { onSettled: (item) => settled.push(item) });
    const [a, b] = queue.add([file('a.jpg'), file('notes.jpg')]);
    queue.cancel(a);
    expect(calls[0].options.signal!.aborted).toBe(true);
    calls[1].reject(new ApiError(415, 'unsupported_media_type', '"notes.jpg" is text, not a photo'));
    await flush();
    expect(statuses(queue)).toEqual(['a.jpg:cancelled', 'notes.jpg:failed']);
    expect(queue.items()[1].error).toBe('"notes.jpg" is text, not a photo');
    expect(settled.map((item) => item.status)).toEqual(['cancelled', 'failed']);

    queue.dismiss(a);
    queue.dismiss(b);
    expect(queue.items()).toEqual([]);
  });

  it('tells its subscribers about every change, with a new list each time', () => {
    const { uploader } = fakeUploader();
    const queue = new UploadQueue(uploader);
    const seen: Array<readonly UploadItem[]> = [];
    const stop = queue.subscribe(() => seen.push(queue.items()));
    queue.add([file('a.jpg')]);
    stop();
    queue.add([file('b.jpg')]);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.at(-1)!.map((item) => item.name)).toEqual(['a.jpg']);
  });
});
