import { ID_PATTERN } from '../../src/domain/api/ids';
import { foldForSearch } from '../../src/domain/document/text';
import { badRequest } from '../errors';

/** Where a keyset page ended: the last row's timestamp and id. */
export interface PagePosition {
  at: string;
  id: string;
}

const MAX_SEARCH_TERMS = 8;

/** Folded letters and digits only: what the search indexes hold, and no query syntax. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  return (foldForSearch(q).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_SEARCH_TERMS);
}

export function encodeCursor(position: PagePosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function decodeCursor(cursor: string): PagePosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && ISO_TIMESTAMP.test(value[0]) && ID_PATTERN.test(value[1])) {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest('cursor: not a cursor this API gave out; start again without it');
}

/** One page of `rows` fetched with limit + 1: the items, and the cursor for the next page. */
export function pageOf<T>(rows: T[], limit: number, positionOf: (row: T) => PagePosition): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(positionOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}
