import sharp, { type Sharp } from 'sharp';
import type { PhotoFormat } from '../../src/domain/photos/limits';
import { RENDITION_WIDTHS, type RenditionFormat, type RenditionWidth } from '../../src/domain/photos/renditions';
import type { EmbeddedMetadata } from './photo-metadata';

/** What sharp reads from a file's header, before any pixel is decoded. */
export interface ImageHeader extends EmbeddedMetadata {
  /** The decoder sharp would use; AVIF and HEIC both say "heif". */
  decoder: string;
  /** For "heif": av1 (AVIF) or hevc (HEIC). */
  compression?: string;
  /** Size as stored, and upright (after the EXIF orientation). */
  storedWidth: number;
  storedHeight: number;
  width: number;
  height: number;
}

/** Reads the header only; throws when sharp cannot make sense of it. */
export async function readImageHeader(bytes: Buffer): Promise<ImageHeader> {
  // No pixel limit here: the caller compares the size with its own limit and says so in words.
  const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  return {
    decoder: metadata.format,
    compression: metadata.compression,
    storedWidth: metadata.width,
    storedHeight: metadata.height,
    width: metadata.autoOrient?.width ?? metadata.width,
    height: metadata.autoOrient?.height ?? metadata.height,
    iptc: metadata.iptc,
    xmp: metadata.xmp,
  };
}

/** Does sharp's decoder agree with the format the bytes start like? */
export function decoderMatches(format: PhotoFormat, header: ImageHeader): boolean {
  if (format === 'avif') return header.decoder === 'heif' && header.compression === 'av1';
  return header.decoder === format;
}

/**
 * Decoding a large photo takes a lot of memory for a moment; a few at a time per process keeps a
 * burst of uploads from starving the rest of the server. The others wait their turn.
 */
const MAX_CONCURRENT_DECODES = 2;
let decoding = 0;
const waiting: Array<() => void> = [];

async function oneOfFew<T>(work: () => Promise<T>): Promise<T> {
  // A finishing decode hands its place straight to the next in line.
  if (decoding >= MAX_CONCURRENT_DECODES) await new Promise<void>((resolve) => waiting.push(resolve));
  else decoding++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else decoding--;
  }
}

export interface Rendition {
  width: RenditionWidth;
  format: RenditionFormat;
  data: Buffer;
}

/**
 * Decodes the whole image once (so a damaged or cut-short file fails here, before anything is
 * stored), upright and in sRGB, at most the widest slot wide; then encodes every slot in WebP and
 * JPEG from those pixels. Output carries no metadata: sharp writes none unless asked, so EXIF,
 * GPS position, IPTC and XMP stay in the original only.
 */
export function makeRenditions(bytes: Buffer, maxPixels: number): Promise<Rendition[]> {
  return oneOfFew(() => renditionsOf(bytes, maxPixels));
}

async function renditionsOf(bytes: Buffer, maxPixels: number): Promise<Rendition[]> {
  const widest = RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1];
  const { data: pixels, info } = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'warning' })
    .rotate()
    // Inside a box, not just a width: WebP cannot hold a side over 16,383 pixels (tall infographics).
    .resize({ width: widest, height: WEBP_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const;

  const jobs = RENDITION_WIDTHS.flatMap((width) => [
    encode(sharp(pixels, raw), width, 'webp'),
    encode(sharp(pixels, raw), width, 'jpg'),
  ]);
  return Promise.all(jobs);
}

/** The largest side a WebP image may have. */
const WEBP_MAX_SIDE = 16_383;

async function encode(image: Sharp, width: RenditionWidth, format: RenditionFormat): Promise<Rendition> {
  const resized = image.resize({ width, height: WEBP_MAX_SIDE, fit: 'inside', withoutEnlargement: true });
  const data =
    format === 'webp'
      ? await resized.webp({ quality: 80 }).toBuffer()
      : await resized.flatten({ background: '#ffffff' }).jpeg({ quality: 82, progressive: true, mozjpeg: true }).toBuffer();
  return { width, format, data };
}
