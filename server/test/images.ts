import zlib from 'node:zlib';
import sharp from 'sharp';

/**
 * Images made inside the tests (no third-party files), good ones and bad ones.
 */

export interface PictureOptions {
  width?: number;
  height?: number;
  /** Random pixels compress badly, so the file has real image data to cut short. */
  noise?: boolean;
  alpha?: boolean;
}

/** A picture in raw pixels: a gradient with a block of colour, or noise. */
function picture({ width = 800, height = 600, noise = false, alpha = false }: PictureOptions = {}) {
  const channels = alpha ? 4 : 3;
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * channels;
      const block = x > width / 3 && x < (2 * width) / 3 && y > height / 3 && y < (2 * height) / 3;
      pixels[at] = noise ? Math.floor(Math.random() * 256) : block ? 220 : Math.floor((x / width) * 255);
      pixels[at + 1] = noise ? Math.floor(Math.random() * 256) : block ? 60 : Math.floor((y / height) * 255);
      pixels[at + 2] = noise ? Math.floor(Math.random() * 256) : 120;
      if (alpha) pixels[at + 3] = x < width / 2 ? 255 : 128;
    }
  }
  return sharp(pixels, { raw: { width, height, channels } });
}

export const jpegBytes = (options?: PictureOptions) => picture(options).jpeg({ quality: 85 }).toBuffer();
export const pngBytes = (options?: PictureOptions) => picture(options).png().toBuffer();
export const webpBytes = (options?: PictureOptions) => picture(options).webp().toBuffer();
export const avifBytes = (options?: PictureOptions) => picture(options).avif().toBuffer();

export interface XmpFields {
  description?: string;
  creator?: string;
  rights?: string;
  credit?: string;
  altText?: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An XMP packet with the IPTC Photo Metadata fields the library reads. */
export function xmpPacket(fields: XmpFields): string {
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">',
    fields.description !== undefined ? `<dc:description>${alt(fields.description)}</dc:description>` : '',
    fields.creator !== undefined ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(fields.creator)}</rdf:li></rdf:Seq></dc:creator>` : '',
    fields.rights !== undefined ? `<dc:rights>${alt(fields.rights)}</dc:rights>` : '',
    fields.credit !== undefined ? `<photoshop:Credit>${escapeXml(fields.credit)}</photoshop:Credit>` : '',
    fields.altText !== undefined ? `<Iptc4xmpCore:AltTextAccessibility>${alt(fields.altText)}</Iptc4xmpCore:AltTextAccessibility>` : '',
    '</rdf:Description></rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('');
}

/** IPTC-IIM dataset numbers (record 2) the library reads. */
export const IPTC = { byline: 80, credit: 110, copyrightNotice: 116, caption: 120 } as const;

/**
 * A JPEG APP13 segment ("Photoshop 3.0", resource 0x0404) holding IPTC-IIM datasets, declared
 * UTF-8 (record 1:90 = ESC % G), as photo agencies write it.
 */
export function iptcSegment(datasets: Array<[number, string]>): Buffer {
  const dataset = (record: number, tag: number, value: Buffer) => Buffer.concat([Buffer.from([0x1c, record, tag, value.length >> 8, value.length & 0xff]), value]);
  const iim = Buffer.concat([dataset(1, 90, Buffer.from([0x1b, 0x25, 0x47])), ...datasets.map(([tag, text]) => dataset(2, tag, Buffer.from(text, 'utf8')))]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iim.length);
  const resource = Buffer.concat([Buffer.from('8BIM'), Buffer.from([0x04, 0x04, 0x00, 0x00]), size, iim, Buffer.alloc(iim.length % 2)]);
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xed]), length, payload]);
}

/** Puts a marker segment right after a JPEG's SOI marker. */
export function insertJpegSegment(jpeg: Buffer, segment: Buffer): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

/** A JPEG comment (COM) segment. */
export function commentSegment(text: string): Buffer {
  const data = Buffer.from(text, 'latin1');
  const length = Buffer.alloc(2);
  length.writeUInt16BE(data.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xfe]), length, data]);
}

/** A JPEG whose EXIF says where it was taken (and a camera serial number). */
export function jpegWithLocation(options?: PictureOptions): Promise<Buffer> {
  return picture(options)
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Field 1', Copyright: 'Test Agency' },
      IFD2: { BodySerialNumber: 'SN-0042' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 20/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '18/1 3/1 0/1' },
    })
    .toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a few hundred bytes that declare a 50,000 × 50,000 pixel PNG (2.5
 * gigapixels, 7.5 GB once decoded).
 */
export function decompressionBombPng(width = 50_000, height = 50_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const firstRows = zlib.deflateSync(Buffer.alloc((width * 3 + 1) * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', firstRows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal ZIP archive (one stored file), as appended to images to make polyglots. */
export function zipArchive(name = 'payload.txt', content = 'hidden'): Buffer {
  const data = Buffer.from(content);
  const fileName = Buffer.from(name);
  const crc = zlib.crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(local.length + fileName.length + data.length, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

export interface FormPart {
  name: string;
  /** Present for a file part. */
  filename?: string;
  contentType?: string;
  data: Buffer | string;
}

/** A multipart/form-data body, built by hand so tests can send what no browser would. */
export function multipartBody(parts: FormPart[]): { payload: Buffer; contentType: string } {
  const boundary = `----newsdesk-test-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    const headers = [`Content-Disposition: ${disposition}`];
    if (part.contentType) headers.push(`Content-Type: ${part.contentType}`);
    chunks.push(Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1'));
    chunks.push(typeof part.data === 'string' ? Buffer.from(part.data) : part.data);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
