import { createHash } from 'node:crypto';
import type { Photo, PhotoListResponse, PhotoMissingField, PhotoText, UpdatePhotoInput } from '../../src/domain/api/photos';
import type { SessionUser } from '../../src/domain/api/users';
import { can } from '../../src/domain/auth/permissions';
import { foldForSearch } from '../../src/domain/document/text';
import { PHOTO_TEXT_LIMITS, type PhotoFormat } from '../../src/domain/photos/limits';
import type { AppConfig } from '../config';
import { isUniqueViolation } from '../db/errors';
import { findPhotoRow, insertPhoto, listPhotoRows, toPhoto, updatePhotoRow, type PhotoRow } from '../db/repositories/photos';
import type { Db } from '../db/transaction';
import { badRequest, forbidden, invalidImage, notFound, payloadTooLarge, unsupportedMediaType } from '../errors';
import { decodeCursor, pageOf, searchTerms } from './list-paging';
import { containsActiveMarkup, describeOtherContent, imageExtent, onlyPadding, sniffPhotoFormat } from './photo-bytes';
import { readPhotoText } from './photo-metadata';
import { decoderMatches, makeRenditions, readImageHeader, type ImageHeader, type Rendition } from './photo-renditions';
import type { PhotoStorage } from './photo-storage';

export interface PhotoStore {
  db: Db;
  files: PhotoStorage;
  limits: AppConfig['uploads'];
}

export interface UploadedFile {
  /** The name the browser sent: shown in the library, checked, never used for storage. */
  fileName: string;
  bytes: Buffer;
}

export interface UploadResult {
  photo: Photo;
  /** False when the same file was already in the library (it is returned instead). */
  created: boolean;
}

const FORMAT_NAMES: Record<PhotoFormat, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', avif: 'AVIF' };
const ACCEPTED = 'a JPEG, PNG, WebP or AVIF photo';

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** Just a name: no folders, no control characters, not too long. */
function checkFileName(name: string): string {
  if (/[/\\]/.test(name) || name === '.' || name === '..') {
    throw badRequest(`The file name "${name.slice(0, 80)}" contains a folder path; send the file's own name only`);
  }
  if (/[\u0000-\u001f\u007f]/.test(name)) throw badRequest('The file name contains control characters');
  if (name.length > PHOTO_TEXT_LIMITS.originalName) throw badRequest(`The file name is longer than ${PHOTO_TEXT_LIMITS.originalName} characters`);
  return name.trim() || 'photo';
}

/** Proves the bytes are one photo of a format we take, and nothing else; says what is wrong in words. */
async function inspect(upload: UploadedFile, limits: AppConfig['uploads']): Promise<{ format: PhotoFormat; header: ImageHeader }> {
  const { bytes, fileName } = upload;
  const format = sniffPhotoFormat(bytes);
  if (!format) {
    throw unsupportedMediaType(`"${fileName}" is ${describeOtherContent(bytes)}, not a photo: upload ${ACCEPTED}`);
  }
  const kind = FORMAT_NAMES[format];
  const extent = imageExtent(bytes, format);
  if (extent.kind === 'truncated') throw invalidImage(`"${fileName}" is cut short: the ${kind} file ends before the image does. Upload the complete file`);
  if (extent.kind === 'malformed') throw invalidImage(`"${fileName}" is a damaged ${kind} file and cannot be read`);
  if (!onlyPadding(bytes, extent.end) || containsActiveMarkup(bytes)) {
    throw invalidImage(`"${fileName}" carries other content besides the ${kind} image (a hidden file or script). Save it again as a plain ${kind} and upload that`);
  }

  let header: ImageHeader;
  try {
    header = await readImageHeader(bytes);
  } catch {
    throw invalidImage(`"${fileName}" is a damaged ${kind} file and cannot be read`);
  }
  if (!decoderMatches(format, header)) throw unsupportedMediaType(`"${fileName}" is not ${ACCEPTED} the photo desk can read`);
  const pixels = header.storedWidth * header.storedHeight;
  if (pixels > limits.maxPixels) {
    throw payloadTooLarge(
      `"${fileName}" is ${header.storedWidth} × ${header.storedHeight} pixels (${Math.round(pixels / 1e6)} megapixels); the largest the photo desk takes is ${Math.round(limits.maxPixels / 1e6)} megapixels`,
      { width: header.storedWidth, height: header.storedHeight, maxPixels: limits.maxPixels },
    );
  }
  return { format, header };
}

async function renditionsOf(upload: UploadedFile, format: PhotoFormat, limits: AppConfig['uploads']): Promise<Rendition[]> {
  try {
    return await makeRenditions(upload.bytes, limits.maxPixels);
  } catch {
    throw invalidImage(`"${upload.fileName}" is a damaged or incomplete ${FORMAT_NAMES[format]} file: its pixels cannot be decoded`);
  }
}

/**
 * Adds a photo to the library: checks it is a photo and nothing else, makes its renditions,
 * reads its caption and credit, stores its files and its row. Refused uploads store nothing.
 * The same bytes a second time give back the photo already there.
 */
export async function uploadPhoto(store: PhotoStore, actor: SessionUser, upload: UploadedFile): Promise<UploadResult> {
  if (!can(actor, 'photos:upload')) throw forbidden('Your role cannot add photos to the library');
  const originalName = checkFileName(upload.fileName);
  if (upload.bytes.length === 0) throw badRequest(`"${originalName}" is empty: there is no photo in it`);
  if (upload.bytes.length > store.limits.maxBytes) {
    throw payloadTooLarge(`"${originalName}" is ${megabytes(upload.bytes.length)}; the largest photo the desk takes is ${megabytes(store.limits.maxBytes)}`);
  }

  const id = createHash('sha256').update(upload.bytes).digest('hex');
  const existing = await findPhotoRow(store.db, id);
  if (existing) return { photo: toPhoto(existing), created: false };

  const { format, header } = await inspect({ ...upload, fileName: originalName }, store.limits);
  const renditions = await renditionsOf({ ...upload, fileName: originalName }, format, store.limits);
  const text = await readPhotoText(header);

  const now = new Date().toISOString();
  const row: PhotoRow = {
    id,
    format,
    width: header.width,
    height: header.height,
    byte_size: upload.bytes.length,
    original_name: originalName,
    ...text,
    search_text: photoSearchText({ ...text, original_name: originalName }),
    uploaded_by: actor.id,
    created_at: now,
    updated_at: now,
  };
  const wroteFiles = await store.files.store(id, format, upload.bytes, renditions);
  try {
    await insertPhoto(store.db, row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      // The same file, uploaded at the same moment by someone else: theirs stands.
      const raced = await findPhotoRow(store.db, id);
      if (raced) return { photo: toPhoto(raced), created: false };
    }
    if (wroteFiles) await store.files.remove(id);
    throw error;
  }
  return { photo: toPhoto(row), created: true };
}

/** What the library search reads: the words and the file name (agencies' file names are how the desk finds a picture). */
export function photoSearchText(text: Pick<PhotoText, 'caption' | 'credit' | 'creator'> & { original_name: string }): string {
  return foldForSearch(`${text.caption}\n${text.credit}\n${text.creator}\n${text.original_name}`);
}

export async function getPhoto(store: PhotoStore, actor: SessionUser, id: string): Promise<Photo> {
  if (!can(actor, 'photos:view')) throw forbidden('Your role has no access to the photo library');
  const row = await findPhotoRow(store.db, id);
  if (!row) throw notFound('Photo not found');
  return toPhoto(row);
}

export interface PhotoListOptions {
  q?: string;
  missing?: PhotoMissingField;
  cursor?: string;
  limit: number;
}

export async function listPhotos(store: PhotoStore, actor: SessionUser, options: PhotoListOptions): Promise<PhotoListResponse> {
  if (!can(actor, 'photos:view')) throw forbidden('Your role has no access to the photo library');
  const rows = await listPhotoRows(store.db, {
    searchTerms: searchTerms(options.q),
    missing: options.missing,
    after: options.cursor ? decodeCursor(options.cursor) : undefined,
    limit: options.limit + 1,
  });
  const page = pageOf(rows, options.limit, (row) => ({ at: row.created_at, id: row.id }));
  return { items: page.items.map(toPhoto), nextCursor: page.nextCursor };
}

/** The photo desk corrects the library's words for a photo; stories keep their own copies. */
export async function updatePhoto(store: PhotoStore, actor: SessionUser, id: string, changes: UpdatePhotoInput): Promise<Photo> {
  if (!can(actor, 'photos:manage')) throw forbidden('Only the photo desk and editors can change the library’s captions and credits');
  const row = await findPhotoRow(store.db, id);
  if (!row) throw notFound('Photo not found');
  const updated: PhotoRow = { ...row, ...changes, updated_at: new Date().toISOString() };
  updated.search_text = photoSearchText(updated);
  const { id: _id, ...columns } = updated;
  await updatePhotoRow(store.db, id, columns);
  return toPhoto(updated);
}
