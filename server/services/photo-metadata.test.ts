import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { IPTC, iptcSegment, jpegBytes, xmpPacket } from '../test/images';
import { readPhotoText } from './photo-metadata';

/** The IPTC block as sharp hands it over: the APP13 segment without its marker and length. */
const iptcBlock = (datasets: Array<[number, string]>) => iptcSegment(datasets).subarray(4);

describe('reading a photo’s words from its metadata', () => {
  it('prefers XMP and fills gaps from IPTC', async () => {
    const text = await readPhotoText({
      xmp: Buffer.from(xmpPacket({ description: 'XMP caption', altText: 'XMP alt' })),
      iptc: iptcBlock([
        [IPTC.caption, 'IPTC caption'],
        [IPTC.credit, 'AFP'],
        [IPTC.byline, 'Li Wei'],
        [IPTC.copyrightNotice, '© AFP 2024'],
      ]),
    });
    expect(text).toEqual({ caption: 'XMP caption', credit: 'AFP', creator: 'Li Wei', copyright: '© AFP 2024', alt: 'XMP alt' });
  });

  it('takes the x-default language and joins several creators', async () => {
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:description><rdf:Alt><rdf:li xml:lang="fr">Légende</rdf:li><rdf:li xml:lang="x-default">Caption</rdf:li></rdf:Alt></dc:description>
        <dc:creator><rdf:Seq><rdf:li>Ana Ortiz</rdf:li><rdf:li>Jo Lens</rdf:li></rdf:Seq></dc:creator>
      </rdf:Description></rdf:RDF></x:xmpmeta>`;
    const text = await readPhotoText({ xmp: Buffer.from(xmp) });
    expect([text.caption, text.creator]).toEqual(['Caption', 'Ana Ortiz, Jo Lens']);
  });

  it('reads old Latin-1 IPTC as Latin-1, and makes every field one clean line', async () => {
    const latin1 = iptcSegment([[IPTC.caption, 'x']]).subarray(4);
    const caption = Buffer.from('Caf\u00e9 on the quay,\r\n  at night', 'latin1');
    // The caption dataset in Latin-1 bytes, which are not valid UTF-8.
    const block = Buffer.concat([latin1.subarray(0, latin1.indexOf(Buffer.from([0x1c, 2, IPTC.caption]))), Buffer.from([0x1c, 2, IPTC.caption, 0, caption.length]), caption]);
    const fixed = Buffer.from(block);
    fixed.writeUInt32BE(block.length - 26, 22); // the resource's length field
    const text = await readPhotoText({ iptc: fixed });
    expect(text.caption).toBe('Café on the quay, at night');
  });

  it('prefills nothing from missing or unreadable metadata', async () => {
    const empty = { caption: '', credit: '', creator: '', copyright: '', alt: '' };
    expect(await readPhotoText({})).toEqual(empty);
    expect(await readPhotoText({ xmp: Buffer.from('<not xml'), iptc: Buffer.from('garbage') })).toEqual(empty);
    const plain = await sharp(await jpegBytes({ width: 10, height: 10 })).metadata();
    expect(await readPhotoText(plain)).toEqual(empty);
  });
});
