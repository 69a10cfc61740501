import { ID_PATTERN } from '../../../src/domain/api/ids';
import { badRequest } from '../../errors';

/**
 * The revision an `If-Match` header names: `"12"` (as our ETag sends it), `W/"12"` or `12`.
 * Null when the header is absent; a 400 for anything else.
 */
export function revisionFromIfMatch(header: string | string[] | undefined): number | null {
  if (header === undefined) return null;
  const value = Array.isArray(header) ? header.join(',') : header;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match) throw badRequest('If-Match must be the revision you edited, in quotes: If-Match: "3"');
  return Number(match[1]);
}

export function etagFor(revision: number): string {
  return `"${revision}"`;
}

/** The editor id a save names, if any (see `EDITOR_ID_HEADER`). */
export function editorIdFrom(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  if (typeof header !== 'string' || !ID_PATTERN.test(header)) throw badRequest('X-Editor-Id must be an id of letters, digits, "-" and "_"');
  return header;
}

/** Whether a `Prefer` header (RFC 7240) asks for `return=minimal`: the answer without what the client sent. */
export function prefersMinimal(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(/[,;]/).some((preference) => preference.trim().toLowerCase() === 'return=minimal');
}
