import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Photo, PhotoListResponse } from '../../../src/domain/api/photos';
import {
  IPTC,
  avifBytes,
  commentSegment,
  decompressionBombPng,
  insertJpegSegment,
  iptcSegment,
  jpegBytes,
  jpegWithLocation,
  multipartBody,
  pngBytes,
  webpBytes,
  xmpPacket,
  zipArchive,
  type FormPart,
} from '../../test/images';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../../test/harness';

const filePart = (data: Buffer | string, filename = 'photo.jpg', contentType = 'image/jpeg'): FormPart => ({ name: 'file', filename, contentType, data });

async function upload(client: ApiClient, data: Buffer | string, filename?: string, contentType?: string) {
  return client.postForm('/api/photos', multipartBody([filePart(data, filename, contentType)]));
}

async function uploaded(client: ApiClient, data: Buffer, filename?: string): Promise<Photo> {
  const response = await upload(client, data, filename);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Photo;
}

/** Every file under the photo store, relative to it. */
function storedFiles(t: TestApp): string[] {
  const root = path.join(t.config.dataDir, 'photos');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((entry) => fs.statSync(path.join(root, entry)).isFile()).sort();
}

async function photoCount(t: TestApp): Promise<number> {
  const row = await t.database.db.selectFrom('photos').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

describe.each(testDialects())('photos API on %s', (dialect) => {
  let t: TestApp;
  let photoEditor: ApiClient;
  let reporter: ApiClient;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    [photoEditor, reporter, admin] = await Promise.all([t.as('photo_editor'), t.as('reporter'), t.as('admin')]);
  });
  afterAll(() => t.close());

  describe('accepting photos', () => {
    it.each([
      ['JPEG', 'jpeg', () => jpegBytes({ width: 800, height: 600 }), 'harbour.jpg'],
      ['PNG with transparency', 'png', () => pngBytes({ width: 800, height: 600, alpha: true }), 'chart.png'],
      ['WebP', 'webp', () => webpBytes({ width: 800, height: 600 }), 'quay.webp'],
      ['AVIF', 'avif', () => avifBytes({ width: 800, height: 600 }), 'dusk.avif'],
    ])('takes a %s, makes its renditions and serves them for good', async (_kind, format, make, filename) => {
      const bytes = await make();
      const response = await upload(reporter, bytes, filename, 'application/octet-stream');
      expect(response.statusCode, response.body).toBe(201);
      const photo = response.json() as Photo;
      expect(photo).toMatchObject({ format, width: 800, height: 600, bytes: bytes.length, originalName: filename, uploadedBy: t.accounts.reporter.id });
      expect(photo.id).toMatch(/^[0-9a-f]{64}$/);
      expect(response.headers.location).toBe(`/api/photos/${photo.id}`);

      // Stored under content-derived names only: the uploader's file name appears nowhere.
      const files = storedFiles(t).filter((file) => file.includes(photo.id));
      const extension = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif' }[format];
      expect(files.map((file) => path.basename(file)).sort()).toEqual(
        ['1024.jpg', '1024.webp', '2048.jpg', '2048.webp', '320.jpg', '320.webp', `original.${extension}`].sort(),
      );
      expect(storedFiles(t).some((file) => file.includes(filename))).toBe(false);

      // 320 is scaled down; 1024 and 2048 keep the original 800 (never enlarged).
      for (const [slot, width, height] of [[320, 320, 240], [1024, 800, 600], [2048, 800, 600]]) {
        for (const [ext, type, decoder] of [['webp', 'image/webp', 'webp'], ['jpg', 'image/jpeg', 'jpeg']]) {
          const media = await t.anonymous().get(`/media/photos/${photo.id}/${slot}.${ext}`);
          expect(media.statusCode).toBe(200);
          expect(media.headers['content-type']).toBe(type);
          expect(media.headers['cache-control']).toBe('public, max-age=31536000, immutable');
          expect(media.headers['x-content-type-options']).toBe('nosniff');
          const image = await sharp(media.rawPayload).metadata();
          expect([image.format, image.width, image.height]).toEqual([decoder, width, height]);
        }
      }
    });

    it('takes a very tall image (an infographic) and keeps its renditions within what WebP can hold', async () => {
      const tall = await sharp({ create: { width: 40, height: 20_000, channels: 3, background: { r: 200, g: 30, b: 30 } } }).png().toBuffer();
      const response = await upload(photoEditor, tall, 'infographic.png');
      expect(response.statusCode, response.body).toBe(201);
      const photo = response.json() as Photo;
      const media = await t.anonymous().get(`/media/photos/${photo.id}/2048.webp`);
      expect(media.statusCode).toBe(200);
      const image = await sharp(media.rawPayload).metadata();
      expect(image.height).toBeLessThanOrEqual(16_383);
    });

    it('applies the camera’s orientation and strips location and other metadata from renditions', async () => {
      const sideways = await sharp(await jpegWithLocation({ width: 300, height: 200 })).withMetadata({ orientation: 6 }).toBuffer();
      expect(await exifr.gps(sideways)).toMatchObject({ latitude: expect.any(Number) });
      const photo = await uploaded(photoEditor, sideways, 'sideways.jpg');
      expect([photo.width, photo.height]).toEqual([200, 300]);

      for (const file of ['320.jpg', '320.webp', '1024.jpg', '2048.webp']) {
        const media = await t.anonymous().get(`/media/photos/${photo.id}/${file}`);
        const meta = await sharp(media.rawPayload).metadata();
        expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([200, 300, 1]);
        expect(meta.exif).toBeUndefined();
        expect(meta.xmp).toBeUndefined();
        expect(meta.iptc).toBeUndefined();
        expect(await exifr.gps(media.rawPayload).catch(() => undefined)).toBeUndefined();
        expect(media.rawPayload.includes(Buffer.from('SN-0042'))).toBe(false);
      }
      // The original is kept as sent, and never served.
      expect((await t.anonymous().get(`/media/photos/${photo.id}/original.jpg`)).statusCode).toBe(400);
    });

    it('gives back the photo already in the library for the same bytes, storing nothing twice', async () => {
      const bytes = await jpegBytes({ width: 400, height: 300 });
      const first = await uploaded(photoEditor, bytes, 'first.jpg');
      const files = storedFiles(t);
      const again = await upload(reporter, bytes, 'copy-of-first.jpg');
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual(first);
      expect(storedFiles(t)).toEqual(files);
      expect((await photoEditor.get('/api/photos?limit=100')).json().items.filter((photo: Photo) => photo.id === first.id)).toHaveLength(1);
    });

    it('handles several uploads at once', async () => {
      const images = await Promise.all([1, 2, 3, 4].map((n) => jpegBytes({ width: 200 + n, height: 150 })));
      const responses = await Promise.all(images.map((bytes, index) => upload(photoEditor, bytes, `batch-${index}.jpg`)));
      expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201, 201]);
      expect(new Set(responses.map((response) => response.json().id)).size).toBe(4);
    });
  });

  describe('reading caption and credit from the file', () => {
    it('prefills from XMP, and from IPTC where XMP says nothing', async () => {
      const xmp = xmpPacket({
        description: 'A ferry leaves the north quay at dusk, Kestrel Bay, March 3, 2026.',
        credit: 'Harbourline',
        altText: 'A white ferry pulling away from a lit quay',
      });
      const jpeg = await sharp(await jpegBytes({ width: 320, height: 240 })).jpeg().withXmp(xmp).toBuffer();
      const bytes = insertJpegSegment(
        jpeg,
        iptcSegment([
          [IPTC.caption, 'IPTC caption loses to XMP'],
          [IPTC.credit, 'IPTC credit loses to XMP'],
          [IPTC.byline, 'Jo Lindqvist'],
          [IPTC.copyrightNotice, '© 2026 Harbourline News Service'],
        ]),
      );
      const photo = await uploaded(photoEditor, bytes, 'ferry.jpg');
      expect(photo).toMatchObject({
        caption: 'A ferry leaves the north quay at dusk, Kestrel Bay, March 3, 2026.',
        credit: 'Harbourline',
        creator: 'Jo Lindqvist',
        copyright: '© 2026 Harbourline News Service',
        alt: 'A white ferry pulling away from a lit quay',
      });
    });

    it('reads UTF-8 IPTC captions as written (Zürich, São Paulo)', async () => {
      const bytes = insertJpegSegment(
        await jpegBytes({ width: 300, height: 200 }),
        iptcSegment([
          [IPTC.caption, 'Crowds in Zürich and São Paulo — “a long night”'],
          [IPTC.credit, 'REUTERS'],
        ]),
      );
      const photo = await uploaded(photoEditor, bytes, 'crowds.jpg');
      expect(photo.caption).toBe('Crowds in Zürich and São Paulo — “a long night”');
      expect(photo.credit).toBe('REUTERS');
      expect([photo.creator, photo.copyright, photo.alt]).toEqual(['', '', '']);
    });

    it('reads XMP from PNG and WebP files too', async () => {
      const xmp = xmpPacket({ description: 'Tide chart for the week', credit: 'Port Authority', creator: 'Ana Ortiz' });
      for (const [bytes, name] of [
        [await sharp(await pngBytes({ width: 300, height: 200 })).png().withXmp(xmp).toBuffer(), 'tides.png'],
        [await sharp(await webpBytes({ width: 301, height: 200 })).webp().withXmp(xmp).toBuffer(), 'tides.webp'],
      ] as const) {
        const photo = await uploaded(photoEditor, bytes, name);
        expect([photo.caption, photo.credit, photo.creator]).toEqual(['Tide chart for the week', 'Port Authority', 'Ana Ortiz']);
      }
    });
  });

  describe('refusing what is not a photo, storing nothing', () => {
    /** Runs a refused upload and checks the answer, and that no file and no row was added. */
    async function expectRefused(send: () => Promise<{ statusCode: number; json: () => any; body: string }>, status: number, code: string, message: RegExp) {
      const filesBefore = storedFiles(t);
      const rowsBefore = await photoCount(t);
      const response = await send();
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().error.code).toBe(code);
      expect(response.json().error.message).toMatch(message);
      expect(storedFiles(t)).toEqual(filesBefore);
      expect(await photoCount(t)).toBe(rowsBefore);
      expect(fs.readdirSync(path.join(t.config.dataDir, 'photos', '.incoming'), { recursive: true }).length).toBe(0);
      // The server keeps serving.
      expect((await t.anonymous().get('/api/health')).statusCode).toBe(200);
    }

    beforeAll(async () => {
      // One good upload first, so the store's folders exist and "nothing new" means something.
      await uploaded(photoEditor, await jpegBytes({ width: 120, height: 90 }), 'baseline.jpg');
    });

    it('refuses a text file named .jpg', async () => {
      await expectRefused(() => upload(photoEditor, 'Notes from the council meeting, not a photo.\n', 'notes.jpg'), 415, 'unsupported_media_type', /"notes.jpg" is text, not a photo: upload a JPEG, PNG, WebP or AVIF photo/);
    });

    it('refuses an SVG, whatever it claims to be', async () => {
      const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>';
      await expectRefused(() => upload(photoEditor, svg, 'logo.jpg', 'image/jpeg'), 415, 'unsupported_media_type', /"logo.jpg" is an SVG drawing, not a photo/);
    });

    it('refuses a GIF', async () => {
      const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } }).gif().toBuffer();
      await expectRefused(() => upload(photoEditor, gif, 'anim.gif', 'image/gif'), 415, 'unsupported_media_type', /is a GIF, not a photo/);
    });

    it('refuses a truncated JPEG', async () => {
      const whole = await jpegBytes({ width: 400, height: 300, noise: true });
      const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
      await expectRefused(() => upload(photoEditor, cut, 'cut.jpg'), 422, 'invalid_image', /"cut.jpg" is cut short: the JPEG file ends before the image does/);
    });

    it('refuses a JPEG with a damaged header', async () => {
      const damaged = Buffer.from(await jpegBytes({ width: 400, height: 300, noise: true }));
      const table = damaged.indexOf(Buffer.from([0xff, 0xc4])); // the first Huffman table
      damaged.fill(0xfe, table + 5, table + 21);
      await expectRefused(() => upload(photoEditor, damaged, 'damaged.jpg'), 422, 'invalid_image', /"damaged.jpg" is a damaged/);
    });

    it('refuses a JPEG cut short and given a false end marker (its pixels do not decode)', async () => {
      const whole = await jpegBytes({ width: 400, height: 300, noise: true });
      const patched = Buffer.concat([whole.subarray(0, Math.floor(whole.length * 0.5)), Buffer.from([0xff, 0xd9])]);
      await expectRefused(() => upload(photoEditor, patched, 'patched.jpg'), 422, 'invalid_image', /"patched.jpg" is a damaged or incomplete JPEG file: its pixels cannot be decoded/);
    });

    it('refuses a decompression bomb before decoding it', async () => {
      const bomb = decompressionBombPng();
      expect(bomb.length).toBeLessThan(5000);
      await expectRefused(() => upload(photoEditor, bomb, 'bomb.png', 'image/png'), 413, 'payload_too_large', /"bomb.png" is 50000 × 50000 pixels \(2500 megapixels\); the largest the photo desk takes is 100 megapixels/);
    });

    it('refuses polyglots: an image with a web page or an archive hidden in or after it', async () => {
      const png = await pngBytes({ width: 100, height: 100 });
      const jpeg = await jpegBytes({ width: 100, height: 100 });
      const withPage = Buffer.concat([png, Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>')]);
      const withScriptComment = insertJpegSegment(jpeg, commentSegment('*/=1;<script>alert(1)</script>/*'));
      const withZip = Buffer.concat([jpeg, zipArchive()]);
      for (const [bytes, name] of [[withPage, 'page.png'], [withScriptComment, 'comment.jpg'], [withZip, 'archive.jpg']] as const) {
        await expectRefused(() => upload(photoEditor, bytes, name), 422, 'invalid_image', /carries other content besides the (PNG|JPEG) image/);
      }
    });

    it.each([
      ['../../etc/passwd.jpg'],
      ['photos/2026/harbour.jpg'],
      ['C:\\Users\\desk\\harbour.jpg'],
    ])('refuses a path in the file name: %s', async (filename) => {
      const jpeg = await jpegBytes({ width: 90, height: 90 });
      await expectRefused(() => upload(photoEditor, jpeg, filename), 400, 'bad_request', /contains a folder path; send the file's own name only/);
    });

    it('refuses an empty file', async () => {
      await expectRefused(() => upload(photoEditor, Buffer.alloc(0), 'empty.jpg'), 400, 'bad_request', /"empty.jpg" is empty/);
    });

    it('reads a file part that has a content type but no file name (found by the fuzz test: was a 500)', async () => {
      await expectRefused(
        () => photoEditor.postForm('/api/photos', multipartBody([{ name: 'file', contentType: 'application/octet-stream', data: '' }])),
        400,
        'bad_request',
        /"photo" is empty/,
      );
      const nameless = await photoEditor.postForm('/api/photos', multipartBody([{ name: 'file', contentType: 'application/octet-stream', data: await jpegBytes({ width: 93, height: 90 }) }]));
      expect(nameless.statusCode).toBe(201);
      expect(nameless.json().originalName).toBe('photo');
    });

    it('refuses a second file, another field, or no file at all', async () => {
      const [a, b] = await Promise.all([jpegBytes({ width: 91, height: 90 }), jpegBytes({ width: 92, height: 90 })]);
      const oneFile = /Send one photo per upload, as multipart\/form-data with a single field named "file"/;
      await expectRefused(() => photoEditor.postForm('/api/photos', multipartBody([filePart(a, 'a.jpg'), filePart(b, 'b.jpg')])), 400, 'bad_request', oneFile);
      await expectRefused(() => photoEditor.postForm('/api/photos', multipartBody([filePart(a, 'a.jpg'), { name: 'caption', data: 'x' }])), 400, 'bad_request', oneFile);
      await expectRefused(() => photoEditor.postForm('/api/photos', multipartBody([{ name: 'photo', filename: 'a.jpg', data: a }])), 400, 'bad_request', oneFile);
      await expectRefused(() => photoEditor.postForm('/api/photos', multipartBody([])), 400, 'bad_request', /no photo in it/);
      await expectRefused(() => photoEditor.post('/api/photos', { file: 'aGVsbG8=' }), 415, 'unsupported_media_type', oneFile);
    });

    it('answers 400 to an upload cut short mid-body, storing nothing', async () => {
      const form = multipartBody([filePart(await jpegBytes({ width: 95, height: 90 }), 'cut.jpg')]);
      const before = storedFiles(t).length;
      const response = await photoEditor.postForm('/api/photos', { payload: form.payload.subarray(0, 300), contentType: form.contentType });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toMatch(/interrupted or is not well-formed/);
      expect(storedFiles(t).length).toBe(before);
    });

    it('refuses a file over the size limit', async () => {
      const big = Buffer.concat([await jpegBytes({ width: 64, height: 64 }), Buffer.alloc(26 * 1024 * 1024)]);
      await expectRefused(() => upload(photoEditor, big, 'huge.jpg'), 413, 'payload_too_large', /larger than 25 MB/);
    });

    it('refuses uploads from roles without access, and anonymous ones', async () => {
      const jpeg = await jpegBytes({ width: 93, height: 90 });
      await expectRefused(() => upload(admin, jpeg, 'admin.jpg'), 403, 'forbidden', /cannot add photos/);
      await expectRefused(() => upload(t.anonymous(), jpeg, 'anon.jpg'), 401, 'unauthenticated', /Log in/);
    });
  });

  describe('the library', () => {
    let ferry: Photo;
    let market: Photo;
    let bare: Photo;

    beforeAll(async () => {
      const withXmp = async (width: number, fields: Parameters<typeof xmpPacket>[0]) =>
        sharp(await jpegBytes({ width, height: 100 })).jpeg().withXmp(xmpPacket(fields)).toBuffer();
      ferry = await uploaded(photoEditor, await withXmp(501, { description: 'Night ferry at the Café Quay', credit: 'Harbourline', creator: 'Mara Quist' }), 'ferry.jpg');
      market = await uploaded(photoEditor, await withXmp(502, { description: 'Fish market at dawn', credit: 'Gullwing Pictures', creator: 'Sam Ito', altText: 'Stalls of fish' }), 'market.jpg');
      bare = await uploaded(reporter, await jpegBytes({ width: 503, height: 100 }), 'IMG_0001.jpg');
    });

    it('searches caption, credit, creator and file name, folding case and accents', async () => {
      const ids = async (query: string) => ((await reporter.get(`/api/photos?${query}`)).json() as PhotoListResponse).items.map((photo) => photo.id);
      expect(await ids('q=cafe')).toEqual([ferry.id]);
      expect(await ids('q=gullwing')).toEqual([market.id]);
      expect(await ids('q=QUIST')).toEqual([ferry.id]);
      expect(await ids('q=fish%20dawn')).toEqual([market.id]);
      expect(await ids('q=fish%20night')).toEqual([]);
      expect(await ids('q=%25')).toContain(bare.id); // no words: everything
      expect(await ids('q=img_0001')).toEqual([bare.id]);
      expect(await ids('q=market%20jpg')).toEqual([market.id]);
    });

    it('filters photos missing a caption, credit or alt text', async () => {
      const ids = async (missing: string) => ((await photoEditor.get(`/api/photos?missing=${missing}&limit=100`)).json() as PhotoListResponse).items.map((photo) => photo.id);
      expect(await ids('caption')).toContain(bare.id);
      expect(await ids('caption')).not.toContain(ferry.id);
      expect(await ids('alt')).toEqual(expect.arrayContaining([ferry.id, bare.id]));
      expect(await ids('alt')).not.toContain(market.id);
      expect(await ids('credit')).not.toContain(market.id);
      const bad = await photoEditor.get('/api/photos?missing=headline');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toBe('missing: missing must be one of: caption, credit, alt');
    });

    it('lists newest first, a page at a time', async () => {
      const first = (await photoEditor.get('/api/photos?limit=2')).json() as PhotoListResponse;
      expect(first.items.map((photo) => photo.id)).toEqual([bare.id, market.id]);
      const second = (await photoEditor.get(`/api/photos?limit=2&cursor=${first.nextCursor}`)).json() as PhotoListResponse;
      expect(second.items[0].id).toBe(ferry.id);
      expect((await photoEditor.get('/api/photos?cursor=nonsense')).statusCode).toBe(400);
    });

    it('lets the photo desk correct a photo’s words, and keeps search in step', async () => {
      const response = await photoEditor.patch(`/api/photos/${bare.id}`, { caption: 'Lifeboat crew on exercise off Gull Point', credit: 'Harbourline', alt: 'Four people in a orange lifeboat' });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ id: bare.id, caption: 'Lifeboat crew on exercise off Gull Point', credit: 'Harbourline', creator: '' });
      expect((await reporter.get(`/api/photos/${bare.id}`)).json().caption).toBe('Lifeboat crew on exercise off Gull Point');
      expect(((await reporter.get('/api/photos?q=lifeboat')).json() as PhotoListResponse).items.map((photo) => photo.id)).toEqual([bare.id]);
    });

    it('refuses library edits from reporters, bad values, and unknown photos', async () => {
      const reporterEdit = await reporter.patch(`/api/photos/${ferry.id}`, { caption: 'Mine now' });
      expect(reporterEdit.statusCode).toBe(403);
      expect(reporterEdit.json().error.message).toMatch(/Only the photo desk and editors/);
      const badValue = await photoEditor.patch(`/api/photos/${ferry.id}`, { caption: 'two\nlines' });
      expect(badValue.statusCode).toBe(400);
      expect(badValue.json().error.message).toBe('caption: Caption cannot contain line breaks or control characters');
      expect((await photoEditor.patch(`/api/photos/${ferry.id}`, { width: 10 })).statusCode).toBe(400);
      expect((await photoEditor.patch(`/api/photos/${'0'.repeat(64)}`, { caption: 'x' })).statusCode).toBe(404);
      expect((await photoEditor.get('/api/photos/not-a-photo-id')).statusCode).toBe(400);
      expect((await admin.get('/api/photos')).statusCode).toBe(403);
      expect((await t.anonymous().get('/api/photos')).statusCode).toBe(401);
    });
  });

  describe('serving renditions', () => {
    it('answers 404 for photos that do not exist and 400 for files that are not renditions', async () => {
      expect((await t.anonymous().get(`/media/photos/${'a'.repeat(64)}/320.webp`)).statusCode).toBe(404);
      expect((await t.anonymous().get(`/media/photos/${'a'.repeat(64)}/321.webp`)).statusCode).toBe(400);
      expect((await t.anonymous().get(`/media/photos/${'a'.repeat(64)}/320.png`)).statusCode).toBe(400);
      expect((await t.anonymous().get('/media/photos/..%2F..%2Fnewsdesk.sqlite/320.webp')).statusCode).toBe(400);
    });
  });
});
