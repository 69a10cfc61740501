import type { PhotoFormat } from '../../src/domain/photos/limits';

/**
 * What an uploaded file really is, read from its bytes (never from its name or the content type
 * the browser sent), and whether it is one image and nothing else.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ascii(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('latin1', start, Math.min(end, bytes.length));
}

/** The photo format the content starts like, or null. */
export function sniffPhotoFormat(bytes: Buffer): PhotoFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (isoBrands(bytes).some((brand) => brand === 'avif' || brand === 'avis')) return 'avif';
  return null;
}

/** The major and compatible brands of an ISO media file (AVIF, HEIC, MP4…), from its `ftyp` box. */
function isoBrands(bytes: Buffer): string[] {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return [];
  const size = Math.min(bytes.readUInt32BE(0), bytes.length, 4096);
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= size; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  return brands;
}

/** In words, for a refusal: what this file seems to be instead of a photo we take. */
export function describeOtherContent(bytes: Buffer): string {
  const head = ascii(bytes, 0, 1024);
  const brands = isoBrands(bytes);
  if (/<svg[\s>]/i.test(head)) return 'an SVG drawing';
  if (/^\s*(<!doctype html|<html)/i.test(head)) return 'a web page (HTML)';
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'a GIF';
  if (head.startsWith('%PDF')) return 'a PDF document';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'a TIFF file';
  if (head.startsWith('BM')) return 'a BMP bitmap';
  if (head.startsWith('PK\u0003\u0004')) return 'a ZIP archive';
  if (brands.some((brand) => ['heic', 'heix', 'mif1', 'hevc'].includes(brand))) return 'a HEIC photo';
  if (brands.length > 0) return 'a video or other media file';
  if (looksLikeText(bytes.subarray(0, 1024))) return 'text';
  return 'not an image the photo desk can read';
}

function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  for (const byte of bytes) {
    const printable = byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte !== 0x7f);
    if (!printable) return false;
  }
  return true;
}

/**
 * Markup a browser or a server would act on. A photo has no reason to carry any: finding it
 * means the file is made to be read as something else too (a polyglot). XMP metadata is XML
 * but uses none of these.
 */
const ACTIVE_MARKUP = /<(?:script|html|body|head|iframe|svg|object|embed|form|meta|!doctype)[\s/>]|<\?php|javascript:/i;

export function containsActiveMarkup(bytes: Buffer): boolean {
  return ACTIVE_MARKUP.test(bytes.toString('latin1'));
}

export type Extent =
  /** The image ends at `end`; anything after it is not part of the image. */
  | { kind: 'complete'; end: number }
  /** The file stops before the image does. */
  | { kind: 'truncated' }
  /** The bytes do not follow the format's structure. */
  | { kind: 'malformed' };

/** Where the image inside `bytes` ends, by walking the format's own structure. */
export function imageExtent(bytes: Buffer, format: PhotoFormat): Extent {
  switch (format) {
    case 'jpeg':
      return jpegExtent(bytes);
    case 'png':
      return pngExtent(bytes);
    case 'webp':
      return riffExtent(bytes);
    case 'avif':
      return isoExtent(bytes);
  }
}

/** JPEG: marker segments up to each scan, entropy-coded data to the next marker, until EOI. */
function jpegExtent(bytes: Buffer): Extent {
  let pos = 2;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) return { kind: 'malformed' };
    while (pos < bytes.length && bytes[pos] === 0xff) pos++; // fill bytes
    if (pos >= bytes.length) break;
    const marker = bytes[pos];
    pos++;
    if (marker === 0xd9) return { kind: 'complete', end: pos }; // EOI
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (marker === 0x00 || marker === 0xd8) return { kind: 'malformed' };
    if (pos + 2 > bytes.length) break;
    const length = bytes.readUInt16BE(pos);
    if (length < 2) return { kind: 'malformed' };
    pos += length;
    if (pos > bytes.length) break;
    if (marker === 0xda) {
      // Entropy-coded data: inside it 0xFF is followed by 0x00 (a stuffed byte) or a restart marker.
      for (;;) {
        pos = bytes.indexOf(0xff, pos);
        if (pos < 0 || pos + 1 >= bytes.length) return { kind: 'truncated' };
        const next = bytes[pos + 1];
        if (next !== 0x00 && (next < 0xd0 || next > 0xd7)) break;
        pos += 2;
      }
    }
  }
  return { kind: 'truncated' };
}

/** PNG: length-prefixed chunks after the signature, until IEND and its CRC. */
function pngExtent(bytes: Buffer): Extent {
  let pos = 8;
  while (pos + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(pos);
    const type = ascii(bytes, pos + 4, pos + 8);
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff) return { kind: 'malformed' };
    const end = pos + 12 + length;
    if (end > bytes.length) return { kind: 'truncated' };
    if (type === 'IEND') return { kind: 'complete', end };
    pos = end;
  }
  return { kind: 'truncated' };
}

/** WebP: one RIFF chunk whose header says how long it is (padded to an even length). */
function riffExtent(bytes: Buffer): Extent {
  const size = bytes.readUInt32LE(4);
  const end = 8 + size + (size % 2);
  if (size < 4) return { kind: 'malformed' };
  return end > bytes.length ? { kind: 'truncated' } : { kind: 'complete', end };
}

/** Boxes that may stand at the top level of an AVIF file (ISO/IEC 14496-12, HEIF). */
const TOP_LEVEL_BOXES = new Set(['ftyp', 'meta', 'mdat', 'moov', 'moof', 'mfra', 'free', 'skip', 'uuid', 'styp', 'sidx', 'pdin', 'udta']);

/** AVIF: top-level ISO boxes, each with its size, to the end of the file. */
function isoExtent(bytes: Buffer): Extent {
  let pos = 0;
  while (pos + 8 <= bytes.length) {
    let size = bytes.readUInt32BE(pos);
    const type = ascii(bytes, pos + 4, pos + 8);
    // Anything that is not a box of an image file is where the image ended.
    if (!TOP_LEVEL_BOXES.has(type)) return pos === 0 ? { kind: 'malformed' } : { kind: 'complete', end: pos };
    if (size === 1) {
      if (pos + 16 > bytes.length) return { kind: 'truncated' };
      size = Number(bytes.readBigUInt64BE(pos + 8));
    } else if (size === 0) {
      size = bytes.length - pos; // the last box runs to the end of the file
    }
    if (size < 8) return { kind: 'malformed' };
    if (pos + size > bytes.length) return { kind: 'truncated' };
    pos += size;
  }
  return { kind: 'complete', end: pos };
}

/** Bytes after the image that are only padding (some cameras fill with zeros or 0xFF). */
export function onlyPadding(bytes: Buffer, from: number): boolean {
  for (let index = from; index < bytes.length; index++) {
    if (bytes[index] !== 0x00 && bytes[index] !== 0xff) return false;
  }
  return true;
}
