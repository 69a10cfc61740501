import { describe, expect, it } from 'vitest';
import { avifBytes, decompressionBombPng, jpegBytes, pngBytes, webpBytes, zipArchive } from '../test/images';
import { containsActiveMarkup, describeOtherContent, imageExtent, onlyPadding, sniffPhotoFormat } from './photo-bytes';

describe('reading what a file is from its bytes', () => {
  it('recognises the photo formats the desk takes, whatever the file is called', async () => {
    expect(sniffPhotoFormat(await jpegBytes({ width: 8, height: 8 }))).toBe('jpeg');
    expect(sniffPhotoFormat(await pngBytes({ width: 8, height: 8 }))).toBe('png');
    expect(sniffPhotoFormat(await webpBytes({ width: 8, height: 8 }))).toBe('webp');
    expect(sniffPhotoFormat(await avifBytes({ width: 8, height: 8 }))).toBe('avif');
    expect(sniffPhotoFormat(Buffer.from('GIF89a....'))).toBeNull();
    expect(sniffPhotoFormat(Buffer.alloc(0))).toBeNull();
  });

  it.each([
    ['<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'an SVG drawing'],
    ['<!DOCTYPE html><html></html>', 'a web page (HTML)'],
    ['GIF89a\u0001\u0000', 'a GIF'],
    ['%PDF-1.7', 'a PDF document'],
    ['Just some words.\n', 'text'],
    ['\u0000\u0001\u0002\u0003binary', 'not an image the photo desk can read'],
  ])('describes %j as %s', (content, description) => {
    expect(describeOtherContent(Buffer.from(content, 'latin1'))).toBe(description);
  });

  it('calls a ZIP a ZIP and a HEIC a HEIC', () => {
    expect(describeOtherContent(zipArchive())).toBe('a ZIP archive');
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\u0000\u0000\u0000\u0000mif1heic', 'latin1')]);
    expect(describeOtherContent(heic)).toBe('a HEIC photo');
  });
});

describe('finding where the image ends', () => {
  it.each([
    ['jpeg', () => jpegBytes({ width: 64, height: 48, noise: true })],
    ['png', () => pngBytes({ width: 64, height: 48 })],
    ['webp', () => webpBytes({ width: 64, height: 48 })],
    ['avif', () => avifBytes({ width: 64, height: 48 })],
  ] as const)('finds the end of a whole %s, and sees when it is cut short', async (format, make) => {
    const bytes = await make();
    expect(imageExtent(bytes, format)).toEqual({ kind: 'complete', end: bytes.length });
    expect(imageExtent(bytes.subarray(0, Math.floor(bytes.length * 0.7)), format).kind).toBe('truncated');
    const extended = Buffer.concat([bytes, Buffer.from('PK\u0003\u0004more')]);
    expect(imageExtent(extended, format)).toEqual({ kind: 'complete', end: bytes.length });
    expect(onlyPadding(extended, bytes.length)).toBe(false);
  });

  it('takes zero padding after the image as padding', async () => {
    const bytes = Buffer.concat([await jpegBytes({ width: 16, height: 16 }), Buffer.alloc(64)]);
    const extent = imageExtent(bytes, 'jpeg');
    expect(extent.kind === 'complete' && onlyPadding(bytes, extent.end)).toBe(true);
  });

  it('walks a decompression bomb’s few bytes without inflating them', () => {
    const bomb = decompressionBombPng();
    expect(imageExtent(bomb, 'png')).toEqual({ kind: 'complete', end: bomb.length });
  });

  it('refuses structures that make no sense', () => {
    expect(imageExtent(Buffer.from([0xff, 0xd8, 0x00, 0x00]), 'jpeg').kind).toBe('malformed');
    expect(imageExtent(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\u0000\u0000\u0000\u0001!!!!x', 'latin1')]), 'png').kind).toBe('malformed');
  });
});

describe('spotting active content hidden in a photo', () => {
  it.each(['<script>alert(1)</script>', '<HTML>', '<svg onload=x>', '<?php echo 1; ?>', '<iframe src=x>', 'javascript:alert(1)'])('finds %j', (markup) => {
    expect(containsActiveMarkup(Buffer.from(`\u00ff\u00d8 binary ${markup} more`, 'latin1'))).toBe(true);
  });

  it('leaves XMP metadata alone', () => {
    expect(containsActiveMarkup(Buffer.from('<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF></rdf:RDF></x:xmpmeta>'))).toBe(false);
  });
});
