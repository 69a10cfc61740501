import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_LIST_LIMITS } from '../../src/domain/api/photos';
import { STORY_LIST_LIMITS, STORY_REFS_LIMIT } from '../../src/domain/api/stories';
import { DOCUMENT_LIMITS } from '../../src/domain/document/limits';
import { validateDocument } from '../../src/domain/document/validate';
import { jsonDepth, MAX_JSON_DEPTH } from '../http/json-body';
import { startTestApp, testDialects, type ApiClient, type TestApp } from '../test/harness';
import { jpegBytes, multipartBody, pngBytes } from '../test/images';
import { storeDigest } from '../test/store-digest';

/** Blockquotes inside blockquotes around one paragraph: a document `levels` deep. */
function nestedDocument(levels: number): unknown {
  let node: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'Deep inside.', marks: [{ type: 'bold' }] }] };
  for (let level = 0; level < levels; level++) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', content: [node] };
}

/**
 * Every bound a request meets, each refused with a 4xx that says which, and nothing stored:
 * request body, upload size and pixels, list page size, search length, id lists, JSON depth.
 * (Upload refusals of every other kind are in routes/photos; import size comes with the import.)
 */
describe.each(testDialects())('limits on %s', (dialect) => {
  let t: TestApp;
  let editor: ApiClient;
  let storyId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, { uploads: { maxBytes: 60_000, maxPixels: 200 * 200 } });
    editor = await t.as('editor');
    storyId = (await editor.post('/api/stories', { headline: 'Limits' })).json().id;
  });
  afterAll(() => t.close());

  /** The answer to a request that must be refused: its status and message, the store untouched. */
  async function refused(send: () => Promise<{ statusCode: number; body: string }>) {
    const before = await storeDigest(t.database, t.config.dataDir);
    const response = await send();
    expect(await storeDigest(t.database, t.config.dataDir)).toEqual(before);
    const body = JSON.parse(response.body) as { error: { code: string; message: string } };
    return { status: response.statusCode, code: body.error.code, message: body.error.message };
  }

  it('bounds request bodies: 1 MB in general, 5 MB for a story', async () => {
    const general = await refused(() => editor.request('PATCH', `/api/users/${t.accounts.reporter.id}`, { rawBody: JSON.stringify({ name: 'x'.repeat(1_100_000) }) }));
    expect(general).toMatchObject({ status: 413, code: 'payload_too_large' });
    const story = await refused(() =>
      editor.request('PATCH', `/api/stories/${storyId}`, { rawBody: JSON.stringify({ standfirst: 'x'.repeat(DOCUMENT_LIMITS.maxRequestBytes) }), headers: { 'if-match': '"1"' } }),
    );
    expect(story).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('bounds uploads by bytes and by pixels, before storing anything', async () => {
    const big = await pngBytes({ width: 160, height: 160, noise: true });
    expect(big.length).toBeGreaterThan(t.config.uploads.maxBytes);
    const tooBig = await refused(() => editor.postForm('/api/photos', multipartBody([{ name: 'file', filename: 'big.png', data: big }])));
    expect(tooBig).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(tooBig.message).toMatch(/larger than|MB/);
    const wide = await jpegBytes({ width: 400, height: 120 });
    expect(wide.length).toBeLessThan(t.config.uploads.maxBytes);
    const tooWide = await refused(() => editor.postForm('/api/photos', multipartBody([{ name: 'file', filename: 'wide.jpg', data: wide }])));
    expect(tooWide).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(tooWide.message).toMatch(/400 × 120 pixels/);
  });

  it('bounds list pages, searches, cursors and id lists', async () => {
    const cases: Array<[string, RegExp]> = [
      [`/api/stories?limit=${STORY_LIST_LIMITS.maxLimit + 1}`, /limit can be at most/],
      [`/api/stories?limit=0`, /limit must be at least 1/],
      [`/api/stories?q=${'a'.repeat(STORY_LIST_LIMITS.maxQueryChars + 1)}`, /search can be at most/],
      [`/api/stories?cursor=${'c'.repeat(513)}`, /cursor/],
      [`/api/stories/refs?ids=${Array.from({ length: STORY_REFS_LIMIT + 1 }, (_, n) => `id${n}`).join(',')}`, /at most/],
      [`/api/photos?limit=${PHOTO_LIST_LIMITS.maxLimit + 1}`, /limit can be at most/],
      [`/api/photos?q=${'a'.repeat(PHOTO_LIST_LIMITS.maxQueryChars + 1)}`, /search can be at most/],
    ];
    for (const [url, message] of cases) {
      const answer = await refused(() => editor.get(url));
      expect(answer.status, url).toBe(400);
      expect(answer.message, url).toMatch(message);
    }
    expect((await editor.get(`/api/stories?limit=${STORY_LIST_LIMITS.maxLimit}&q=${'a'.repeat(STORY_LIST_LIMITS.maxQueryChars)}`)).statusCode).toBe(200);
  });

  it('bounds JSON nesting before parsing, deep enough for the deepest document the editor allows', async () => {
    let deepest = 0;
    while (validateDocument(nestedDocument(deepest + 1)).ok) deepest++;
    const allowed = { body: nestedDocument(deepest) };
    expect(jsonDepth(JSON.stringify(allowed))).toBeLessThanOrEqual(MAX_JSON_DEPTH);
    expect((await editor.post('/api/stories', allowed)).statusCode).toBe(201);

    for (const raw of [
      `{"tags":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`,
      `{"body":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`,
      `${'['.repeat(500_000)}`,
    ]) {
      const answer = await refused(() => editor.request('POST', '/api/stories', { rawBody: raw }));
      expect(answer).toMatchObject({ status: 400, code: 'bad_request', message: `The request body nests deeper than ${MAX_JSON_DEPTH} levels of JSON` });
    }
    // Brackets inside strings are text, not nesting.
    expect((await editor.post('/api/stories', { headline: '['.repeat(200) })).statusCode).toBe(201);
    // Prototype poisoning is still refused by Fastify's own parser.
    expect((await refused(() => editor.request('POST', '/api/stories', { rawBody: '{"headline":"x","__proto__":{"admin":true}}' }))).status).toBe(400);
  });
});
