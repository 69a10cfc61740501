import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/auth/roles';
import { STORY_STATUSES } from '../../src/domain/story/status';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../test/harness';
import { jpegBytes, multipartBody, pngBytes } from '../test/images';
import { storeDigest } from '../test/store-digest';
import { XSS_URLS, XSS_VECTORS } from '../test/xss-corpus';

/**
 * Random documents, strings, JSON and multipart bodies thrown at the API: every answer is a 2xx
 * or a 4xx, never a 5xx, and after every 4xx the database and the data directory are exactly as
 * they were. Bounded (FUZZ_RUNS, default 200 per database) so it runs in seconds.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
interface FuzzRequest {
  as: Role;
  method: Method;
  url: string;
  body?: unknown;
  raw?: { payload: string | Buffer; contentType?: string };
  headers?: Record<string, string>;
}

// ——— arbitraries ———

const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 4, arbitrary: fc.constantFrom(...XSS_VECTORS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 2000 }) },
);

const attrs = fc.dictionary(
  fc.constantFrom('id', 'level', 'href', 'storyId', 'label', 'photoId', 'credit', 'alt', 'width', 'height', 'start', 'type', 'title', 'onclick', 'style', 'src'),
  fc.oneof(hostileText, fc.constantFrom(...XSS_URLS), fc.integer(), fc.constant(null), fc.boolean()),
  { maxKeys: 4 },
);

const mark = fc.record(
  { type: fc.constantFrom('bold', 'italic', 'strike', 'link', 'code', 'script', 'underline'), attrs },
  { requiredKeys: ['type'] },
);

const textNode = fc.record({ type: fc.constant('text'), text: hostileText, marks: fc.array(mark, { maxLength: 2 }) }, { requiredKeys: ['type', 'text'] });

const { node } = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, textNode, tie('block')),
  block: fc.record(
    {
      type: fc.constantFrom('paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'figure', 'readAlso', 'horizontalRule', 'hardBreak', 'image', 'iframe', 'script', 'doc'),
      attrs,
      content: fc.array(tie('node'), { maxLength: 4 }),
    },
    { requiredKeys: ['type'] },
  ),
}));

/** Documents the schema could take: paragraphs and headings of hostile text, links to hostile addresses. */
const plausibleText = fc.oneof(fc.string({ minLength: 1, maxLength: 80 }), fc.constantFrom(...XSS_VECTORS.filter((vector) => vector.length > 0)));
const plausibleDocument = fc.record({
  type: fc.constant('doc'),
  content: fc.array(
    fc.oneof(
      fc.record({ type: fc.constant('paragraph'), content: fc.array(fc.record({ type: fc.constant('text'), text: plausibleText }), { minLength: 1, maxLength: 3 }) }),
      fc.record({ type: fc.constant('heading'), attrs: fc.record({ level: fc.constantFrom(2, 3) }), content: fc.tuple(fc.record({ type: fc.constant('text'), text: plausibleText })) }),
      fc.record({
        type: fc.constant('paragraph'),
        content: fc.tuple(fc.record({ type: fc.constant('text'), text: plausibleText, marks: fc.tuple(fc.record({ type: fc.constant('link'), attrs: fc.record({ href: fc.oneof(fc.constantFrom(...XSS_URLS), fc.webUrl()) }) })) })),
      }),
    ),
    { minLength: 1, maxLength: 4 },
  ),
});

const documentArb = fc.oneof(
  { weight: 3, arbitrary: plausibleDocument as fc.Arbitrary<unknown> },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('doc'), content: fc.array(node, { maxLength: 5 }) }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

const storyFields = fc.record(
  {
    headline: hostileText,
    standfirst: hostileText,
    byline: hostileText,
    dateline: hostileText,
    section: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('news', 'world', 'sport', null) }, { weight: 1, arbitrary: hostileText }),
    tags: fc.oneof({ weight: 4, arbitrary: fc.array(plausibleText, { maxLength: 5 }) }, { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 25 }) }),
    seoTitle: hostileText,
    seoDescription: hostileText,
    leadPhoto: fc.oneof(fc.constant(null), fc.record({ photoId: fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }), hostileText), caption: hostileText, credit: hostileText, alt: hostileText })),
    body: documentArb,
  },
  { requiredKeys: [] },
);

/** Fields a client may not set, now and then. */
const storyBody = fc.oneof(
  { weight: 4, arbitrary: storyFields as fc.Arbitrary<Record<string, unknown>> },
  { weight: 1, arbitrary: fc.tuple(storyFields, fc.record({ revision: fc.integer(), status: fc.constantFrom(...STORY_STATUSES), id: fc.uuid() }, { requiredKeys: [] })).map(([a, b]) => ({ ...a, ...b })) },
);

const jsonBody = fc.oneof({ weight: 3, arbitrary: storyBody as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 6 }) });

const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'text/html', 'application/xml');

const rawString = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('{', '{"headline":', '[]', 'null', '"x"', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}'));

describe.each(testDialects())('fuzzing the API on %s', (dialect) => {
  let t: TestApp;
  const clients = new Map<Role, ApiClient>();
  let storyIds: string[] = [];
  let photoId = '';
  let images: Buffer[] = [];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    for (const role of ['reporter', 'editor', 'photo_editor', 'chief_editor', 'admin'] as Role[]) clients.set(role, await t.as(role));
    const editor = clients.get('editor')!;
    for (const headline of ['Fuzz one', 'Fuzz two']) storyIds.push((await editor.post('/api/stories', { headline })).json().id);
    storyIds.push((await clients.get('reporter')!.post('/api/stories', { headline: 'Fuzz draft' })).json().id);
    const jpeg = await jpegBytes({ width: 64, height: 48 });
    photoId = (await editor.postForm('/api/photos', multipartBody([{ name: 'file', filename: 'fuzz.jpg', data: jpeg }]))).json().id;
    const png = await pngBytes({ width: 32, height: 32 });
    images = [jpeg, jpeg.subarray(0, jpeg.length - 200), Buffer.concat([jpeg, Buffer.from('<script>alert(1)</script>')]), png, Buffer.from('<svg onload=alert(1)>'), Buffer.alloc(0)];
  });
  afterAll(() => t.close());

  const role = fc.constantFrom<Role>('reporter', 'editor', 'photo_editor', 'chief_editor', 'admin');
  const anyId = () => fc.oneof(fc.constantFrom(...storyIds, photoId, 'me', '..', '%2e%2e'), fc.string({ maxLength: 70 }).map(encodeURIComponent));
  const storyId = () => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...storyIds) }, { weight: 1, arbitrary: anyId() });

  function requests(): fc.Arbitrary<FuzzRequest> {
    const part = fc.record(
      {
        name: fc.oneof(fc.constant('file'), fc.string({ maxLength: 20 })),
        filename: fc.oneof(fc.constantFrom('photo.jpg', '../../etc/passwd', 'a\\b.jpg', 'x.svg', '<img src=x onerror=alert(1)>.jpg', 'name\u0000.jpg'), fc.string({ maxLength: 30 })),
        contentType: fc.constantFrom('image/jpeg', 'text/html', 'image/svg+xml', 'application/octet-stream'),
        data: fc.oneof(fc.constantFrom(...images), fc.uint8Array({ maxLength: 1024 }).map((bytes) => Buffer.from(bytes))),
      },
      { requiredKeys: ['name', 'data'] },
    );
    const multipart = fc
      .tuple(fc.array(part, { maxLength: 3 }), fc.option(fc.nat(), { nil: undefined }), role)
      .map(([parts, cut, as]): FuzzRequest => {
        const form = multipartBody(parts);
        const payload = cut === undefined ? form.payload : form.payload.subarray(0, cut % (form.payload.length + 1));
        return { as, method: 'POST', url: '/api/photos', raw: { payload, contentType: form.contentType } };
      });
    return fc.oneof(
      fc.tuple(role, jsonBody).map(([as, body]): FuzzRequest => ({ as, method: 'POST', url: '/api/stories', body })),
      fc.tuple(role, storyId(), jsonBody, fc.oneof(fc.constant('current'), fc.string({ maxLength: 8 }))).map(
        ([as, id, body, ifMatch]): FuzzRequest => ({ as, method: 'PATCH', url: `/api/stories/${id}`, body, headers: { 'if-match': ifMatch } }),
      ),
      fc
        .tuple(role, storyId(), fc.oneof(fc.record({ to: fc.oneof(fc.constantFrom(...STORY_STATUSES), hostileText), note: hostileText, scheduledAt: fc.oneof(hostileText, fc.date({ noInvalidDate: true }).map((d) => d.toISOString())) }, { requiredKeys: [] }), fc.jsonValue()))
        .map(([as, id, body]): FuzzRequest => ({ as, method: 'POST', url: `/api/stories/${id}/transitions`, body })),
      fc.tuple(role, storyId(), fc.oneof(fc.record({ note: hostileText }), fc.jsonValue())).map(([as, id, body]): FuzzRequest => ({ as, method: 'POST', url: `/api/stories/${id}/corrections`, body })),
      fc
        .tuple(role, fc.oneof(fc.constant(photoId), anyId()), fc.oneof(fc.record({ caption: hostileText, credit: hostileText, creator: hostileText, copyright: hostileText, alt: hostileText }, { requiredKeys: [] }), fc.jsonValue()))
        .map(([as, id, body]): FuzzRequest => ({ as, method: 'PATCH', url: `/api/photos/${id}`, body })),
      fc
        .tuple(fc.oneof(fc.record({ email: fc.oneof(fc.emailAddress(), hostileText), name: hostileText, role: fc.oneof(fc.constantFrom('reporter', 'admin'), hostileText), password: hostileText }, { requiredKeys: [] }), fc.jsonValue()))
        .map(([body]): FuzzRequest => ({ as: 'admin', method: 'POST', url: '/api/users', body })),
      fc
        .tuple(role, fc.constantFrom('/api/stories', '/api/photos', '/api/stories/refs', '/api/users'), fc.dictionary(fc.constantFrom('q', 'limit', 'cursor', 'status', 'section', 'author', 'scope', 'photos', 'missing', 'ids', 'x'), fc.oneof(hostileText, fc.integer().map(String)), { maxKeys: 4 }))
        .map(([as, path, query]): FuzzRequest => ({ as, method: 'GET', url: `${path}?${new URLSearchParams(query as Record<string, string>).toString()}` })),
      fc
        .tuple(role, fc.constantFrom('', '/backlinks', '/checklist', '/events', '/ninjs', '/pending-changes'), anyId())
        .map(([as, suffix, id]): FuzzRequest => ({ as, method: 'GET', url: `/api/stories/${id}${suffix}` })),
      fc
        .tuple(role, fc.constantFrom('/api/stories', `/api/stories/${storyIds[0]}`, `/api/stories/${storyIds[0]}/transitions`, `/api/photos/${photoId}`, '/api/users', '/api/photos'), fc.constantFrom<Method>('POST', 'PATCH'), rawString, contentType)
        .map(([as, url, method, payload, type]): FuzzRequest => ({ as, method, url, raw: { payload, contentType: type } })),
      multipart,
    );
  }

  it(`answers ${RUNS} random requests with 2xx or 4xx only, and leaves the store as it was after every 4xx`, async () => {
    await fc.assert(
      fc.asyncProperty(requests(), async (request) => {
        const client = clients.get(request.as)!;
        const headers = { ...request.headers };
        if (headers['if-match'] === 'current') {
          const current = await clients.get('editor')!.get(request.url);
          headers['if-match'] = current.headers.etag ? String(current.headers.etag) : '"1"';
        }
        const before = await storeDigest(t.database, t.config.dataDir);
        const response = request.raw
          ? await client.request(request.method, request.url, { rawBody: request.raw.payload, headers: { ...headers, ...(request.raw.contentType ? { 'content-type': request.raw.contentType } : {}) } })
          : await client.request(request.method, request.url, { body: request.body, headers });
        const status = response.statusCode;
        expect(status, `${request.method} ${request.url} → ${status}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
        expect(status).toBeGreaterThanOrEqual(200);
        if (status >= 400) {
          expect(response.json().error.code, 'the one error shape').toEqual(expect.any(String));
          expect(await storeDigest(t.database, t.config.dataDir), `${request.method} ${request.url} was refused (${status}) but changed the store`).toEqual(before);
        }
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
  }, 120_000);
});
