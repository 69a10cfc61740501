import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PhotoFormat } from '../../src/domain/photos/limits';
import type { RenditionFormat, RenditionWidth } from '../../src/domain/photos/renditions';
import type { Rendition } from './photo-renditions';

const ORIGINAL_EXTENSIONS: Record<PhotoFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif' };

/** Half-written uploads older than this are left over from a crash, and go. */
const STALE_INCOMING_MS = 60 * 60 * 1000;

/**
 * A photo's files on disk, under `<data dir>/photos/`:
 *
 *     photos/<first two hex digits of id>/<id>/original.<jpg|png|webp|avif>
 *     photos/<first two hex digits of id>/<id>/<320|1024|2048>.<webp|jpg>
 *
 * Every name comes from the photo's id (the SHA-256 of the original) and the rendition, never
 * from the uploader. A photo's folder is written whole in `photos/.incoming/` and renamed into
 * place in one step, so a reader sees all of a photo's files or none.
 */
export class PhotoStorage {
  readonly root: string;
  private readonly incoming: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'photos');
    this.incoming = path.join(this.root, '.incoming');
  }

  folderOf(photoId: string): string {
    return path.join(this.root, photoId.slice(0, 2), photoId);
  }

  renditionPath(photoId: string, width: RenditionWidth, format: RenditionFormat): string {
    return path.join(this.folderOf(photoId), `${width}.${format}`);
  }

  /**
   * Writes the original and its renditions. Returns false when the photo's folder was already
   * there (the same bytes uploaded before, or by a racing request): its files are the same.
   */
  async store(photoId: string, format: PhotoFormat, original: Buffer, renditions: Rendition[]): Promise<boolean> {
    const staging = path.join(this.incoming, randomUUID());
    await fs.mkdir(staging, { recursive: true });
    try {
      await writeDurably(path.join(staging, `original.${ORIGINAL_EXTENSIONS[format]}`), original);
      for (const rendition of renditions) {
        await writeDurably(path.join(staging, `${rendition.width}.${rendition.format}`), rendition.data);
      }
      const folder = this.folderOf(photoId);
      await fs.mkdir(path.dirname(folder), { recursive: true });
      try {
        await fs.rename(staging, folder);
        return true;
      } catch (error) {
        if (isCode(error, 'EEXIST') || isCode(error, 'ENOTEMPTY')) return false;
        throw error;
      }
    } finally {
      await fs.rm(staging, { recursive: true, force: true });
    }
  }

  /** Takes a photo's files away again (when its database row could not be written). */
  async remove(photoId: string): Promise<void> {
    await fs.rm(this.folderOf(photoId), { recursive: true, force: true });
  }

  /** Clears half-written uploads a crash left behind (at start-up). */
  sweepIncoming(now = Date.now()): void {
    let entries: string[];
    try {
      entries = readdirSync(this.incoming);
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(this.incoming, entry);
      try {
        if (now - statSync(full).mtimeMs > STALE_INCOMING_MS) rmSync(full, { recursive: true, force: true });
      } catch {
        // gone already
      }
    }
  }
}

async function writeDurably(file: string, data: Buffer) {
  const handle = await fs.open(file, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isCode(error: unknown, code: string): boolean {
  return (error as { code?: unknown } | null)?.code === code;
}
