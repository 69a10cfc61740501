import { IMPORT_LIMITS } from '../../../src/domain/api/imports';
import { badRequest, payloadTooLarge } from '../../errors';
import { invalidImport } from './draft';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The import limit as people say it: "2 MB". */
export const IMPORT_LIMIT_TEXT = `${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB`;

export function tooLarge(bytes: number) {
  return payloadTooLarge(`The copy is ${megabytes(bytes)}; the importer takes at most ${IMPORT_LIMIT_TEXT} of text. Split it, or import the story without its attachments`, {
    bytes,
    maxBytes: IMPORT_LIMITS.maxBytes,
  });
}

/** Files people pick by mistake, recognised by their first bytes (as decoded text). */
const KNOWN_BINARIES: Array<[RegExp, string]> = [
  [/^PK\u0003\u0004/, 'a Word document or another zip file: open it and copy the text, or save it as plain text'],
  [/^%PDF-/, 'a PDF: copy the text out of it'],
  [/^\{\\rtf/, 'an RTF document: save it as plain text'],
  [/^\uFFFD?\uFFFDPNG|^\u0089PNG|^\uFFFD\uFFFD\uFFFD/, 'a picture: upload pictures in the photo library'],
];

/**
 * Checks copy before any parser sees it: not too large (413), not empty (400), and text rather
 * than a binary file read as text (422: NUL bytes, or many control characters or replacement
 * characters, the marks of bytes that are not UTF-8).
 */
export function checkImportContent(content: string) {
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes > IMPORT_LIMITS.maxBytes) throw tooLarge(bytes);
  if (!content.trim()) throw badRequest('The copy is empty: there is nothing to import');
  for (const [pattern, what] of KNOWN_BINARIES) {
    if (pattern.test(content)) throw invalidImport(`This looks like ${what}. The importer reads plain text, ninjs (JSON) and NewsML-G2 (XML)`);
  }
  const sample = content.slice(0, 64 * 1024);
  const odd = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (sample.includes('\u0000') || odd > Math.max(8, sample.length * 0.02)) {
    throw invalidImport('This is not text: it looks like a binary file. The importer reads plain text, ninjs (JSON) and NewsML-G2 (XML)');
  }
}
