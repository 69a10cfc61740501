import { describe, expect, it, vi } from 'vitest';
import { loadOnce } from './load-editor-screen';

describe('loadOnce', () => {
  it('loads once however often it is asked', async () => {
    const load = vi.fn(async () => ({ Screen: 'editor' }));
    const get = loadOnce(load);
    const [a, b] = await Promise.all([get(), get()]);
    expect(await get()).toBe(a);
    expect(b).toBe(a);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed load, so the next call loads again', async () => {
    const load = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce('editor');
    const get = loadOnce(load);
    await expect(get()).rejects.toThrow('offline');
    await expect(get()).resolves.toBe('editor');
    await expect(get()).resolves.toBe('editor');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
