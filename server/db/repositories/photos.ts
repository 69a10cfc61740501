import type { Selectable } from 'kysely';
import type { Photo, PhotoMissingField } from '../../../src/domain/api/photos';
import type { PhotoFormat } from '../../../src/domain/photos/limits';
import type { PhotosTable } from '../schema';
import type { Db } from '../transaction';

export type PhotoRow = Selectable<PhotosTable>;

export function toPhoto(row: PhotoRow): Photo {
  return {
    id: row.id,
    format: row.format as PhotoFormat,
    width: row.width,
    height: row.height,
    bytes: row.byte_size,
    originalName: row.original_name,
    caption: row.caption,
    credit: row.credit,
    creator: row.creator,
    copyright: row.copyright,
    alt: row.alt,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findPhotoRow(db: Db, id: string): Promise<PhotoRow | undefined> {
  return db.selectFrom('photos').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPhoto(db: Db, row: PhotoRow): Promise<void> {
  await db.insertInto('photos').values(row).execute();
}

export async function updatePhotoRow(db: Db, id: string, changes: Partial<Omit<PhotoRow, 'id'>>): Promise<void> {
  await db.updateTable('photos').set(changes).where('id', '=', id).execute();
}

/** Which of these photo ids are in the library. */
export async function existingPhotoIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('photos').select('id').where('id', 'in', ids).execute();
  return rows.map((row) => row.id);
}

export interface PhotoListFilter {
  /** Folded words; each must occur in the caption, credit or creator. */
  searchTerms: string[];
  missing?: PhotoMissingField;
  /** Keyset position: rows after the one with this upload time and id. */
  after?: { at: string; id: string };
  limit: number;
}

/** One page of the library, newest upload first. */
export async function listPhotoRows(db: Db, filter: PhotoListFilter): Promise<PhotoRow[]> {
  let query = db.selectFrom('photos').selectAll();
  // Terms are letters and digits only (see searchTerms), so they hold no LIKE wildcards.
  for (const term of filter.searchTerms) query = query.where('search_text', 'like', `%${term}%`);
  if (filter.missing) query = query.where(filter.missing, '=', '');
  if (filter.after) {
    const { at, id } = filter.after;
    query = query.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}
