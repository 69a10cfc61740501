import * as exifr from 'exifr';
import type { PhotoText } from '../../src/domain/api/photos';
import { PHOTO_TEXT_LIMITS } from '../../src/domain/photos/limits';

/** The embedded metadata blocks, as sharp finds them in any of the formats we take. */
export interface EmbeddedMetadata {
  /** IPTC-IIM (Photoshop APP13 resource block). */
  iptc?: Buffer;
  /** An XMP packet. */
  xmp?: Buffer;
}

type Parsed = Record<string, unknown> | undefined;

/**
 * exifr's `sidecar` parses one metadata block on its own. Its ES module build leaves it off the
 * default export and its CommonJS build has no named exports, so take it from where it is.
 */
const sidecar: typeof exifr.sidecar = exifr.sidecar ?? (exifr as unknown as { default: typeof exifr }).default.sidecar;

/**
 * The caption, credit, creator, copyright and alt text a photographer or agency embedded in the
 * file, to prefill the library. XMP is preferred (it is Unicode throughout); IPTC-IIM fills the
 * gaps: Caption-Abstract / dc:description → caption, Credit / photoshop:Credit → credit,
 * By-line / dc:creator → creator, CopyrightNotice / dc:rights → copyright,
 * Iptc4xmpCore:AltTextAccessibility → alt. Unreadable metadata prefills nothing.
 */
export async function readPhotoText(embedded: EmbeddedMetadata): Promise<PhotoText> {
  const [iptc, xmp] = await Promise.all([
    embedded.iptc ? parseQuietly(embedded.iptc, 'iptc') : undefined,
    embedded.xmp ? parseQuietly(embedded.xmp, 'xmp') : undefined,
  ]);
  const fromXmp = (namespace: string, key: string) => textOf(record(xmp?.[namespace])?.[key]);
  const fromIptc = (key: string) => iptcText(iptc?.[key]);
  return {
    caption: clean(fromXmp('dc', 'description') || fromIptc('Caption'), PHOTO_TEXT_LIMITS.caption),
    credit: clean(fromXmp('photoshop', 'Credit') || fromIptc('Credit'), PHOTO_TEXT_LIMITS.credit),
    creator: clean(fromXmp('dc', 'creator') || fromIptc('Byline'), PHOTO_TEXT_LIMITS.creator),
    copyright: clean(fromXmp('dc', 'rights') || fromIptc('CopyrightNotice'), PHOTO_TEXT_LIMITS.copyright),
    alt: clean(fromXmp('Iptc4xmpCore', 'AltTextAccessibility'), PHOTO_TEXT_LIMITS.alt),
  };
}

async function parseQuietly(block: Buffer, type: 'iptc' | 'xmp'): Promise<Parsed> {
  try {
    const options = type === 'xmp' ? { xmp: true, mergeOutput: false } : { iptc: true };
    return record(await sidecar(block, options, type));
  } catch {
    return undefined;
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * XMP values come as text, a language alternative (`{ lang, value }`, or a list of them: the
 * x-default one wins), or a list (several creators: joined).
 */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const languages = value.filter((item) => record(item)?.lang !== undefined);
    if (languages.length > 0) return textOf(languages.find((item) => record(item)?.lang === 'x-default') ?? languages[0]);
    return value.map(textOf).filter(Boolean).join(', ');
  }
  const alternative = record(value);
  if (alternative && 'value' in alternative) return textOf(alternative.value);
  return '';
}

/**
 * IPTC-IIM text as exifr hands it over: bytes read one to a character. Nearly every file written
 * this century declares UTF-8 (record 1:90), so text that is valid UTF-8 is read as UTF-8;
 * anything else stays as Latin-1, the old default.
 */
function iptcText(value: unknown): string {
  const text = textOf(value);
  if (!/[\u0080-\u00ff]/.test(text)) return text;
  const utf8 = Buffer.from(text, 'latin1').toString('utf8');
  return utf8.includes('\ufffd') ? text : utf8;
}

/** One line, no control characters, no surrounding space, within the library's limits. */
function clean(text: string, max: number): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim()
    .slice(0, max);
}
