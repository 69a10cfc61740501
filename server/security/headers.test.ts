import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_SITE_CSP } from '../public-site/page';
import { PhotoStorage } from '../services/photo-storage';
import { uploadPhoto } from '../services/photos';
import { createStory } from '../services/stories';
import { sampleBody } from '../test/documents';
import { startTestApp, type TestApp } from '../test/harness';
import { jpegBytes } from '../test/images';

/** A Content-Security-Policy header as directive → sources. */
function parseCsp(header: string | string[] | number | undefined): Map<string, string[]> {
  expect(typeof header, 'a Content-Security-Policy header').toBe('string');
  return new Map(
    (header as string)
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}

/** A policy under which no injected script can run and the page cannot be framed. */
function expectNoInjectedScript(header: string | string[] | number | undefined) {
  const csp = parseCsp(header);
  const scripts = csp.get('script-src') ?? csp.get('default-src');
  expect(scripts, 'script-src or default-src').toBeDefined();
  for (const source of scripts!) expect(["'self'", "'none'"], `script source ${source}`).toContain(source);
  expect(csp.get('default-src')).toBeDefined();
  expect(csp.get('default-src')!.some((source) => source === '*' || source.includes('unsafe'))).toBe(false);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('base-uri')?.[0]).toMatch(/^'(self|none)'$/);
}

describe('security headers', () => {
  let t: TestApp;
  let slug: string;
  let photoId: string;

  beforeAll(async () => {
    const staticDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'newsdesk-spa-'));
    fs.mkdirSync(path.join(staticDir, 'assets'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    t = await startTestApp('sqlite', { staticDir });
    const store = { db: t.database.db, dialect: t.database.dialect };
    const story = await createStory(store, t.accounts.editor, { headline: 'Headers are set', standfirst: 'On every page.', body: sampleBody() }, { status: 'published' });
    slug = story.slug;
    const photo = await uploadPhoto({ db: t.database.db, files: new PhotoStorage(t.config.dataDir), limits: t.config.uploads }, t.accounts.editor, {
      fileName: 'headers.jpg',
      bytes: await jpegBytes({ width: 400, height: 300 }),
    });
    photoId = photo.photo.id;
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(t.config.staticDir, { recursive: true, force: true });
  });

  it('serves the app with a strict policy: script only from its own origin, never inline, never framed', async () => {
    for (const url of ['/stories', '/stories/some-id', '/login']) {
      const response = await t.anonymous().get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expectNoInjectedScript(response.headers['content-security-policy']);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
    const asset = await t.anonymous().get('/assets/app.js');
    expect(asset.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
  });

  it('builds an app page with no inline script, so the policy costs nothing', () => {
    const html = fs.readFileSync(path.resolve('index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, content] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(content.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('serves the public site, its error pages and the feed under a policy that allows no script at all', async () => {
    for (const [url, status] of [[`/news/${slug}`, 200], ['/news/no-such-story', 404], ['/feed.xml', 200]] as const) {
      const response = await t.anonymous().get(url);
      expect(response.statusCode, url).toBe(status);
      expect(response.headers['content-security-policy'], url).toBe(PUBLIC_SITE_CSP);
      const csp = parseCsp(response.headers['content-security-policy']);
      expect(csp.get('script-src')).toEqual(["'none'"]);
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.body).not.toMatch(/<script/i);
    }
    expect((await t.anonymous().get('/feed.xml')).headers['content-type']).toBe('application/rss+xml; charset=utf-8');
  });

  it('answers the API in JSON only, errors included, with nosniff and the policy', async () => {
    const editor = await t.as('editor');
    for (const [url, status] of [['/api/health', 200], ['/api/stories', 200], ['/api/nothing', 404], ['/api/stories/not%20an%20id', 400]] as const) {
      const response = await editor.get(url);
      expect(response.statusCode, url).toBe(status);
      expect(response.headers['content-type'], url).toMatch(/^application\/json/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expectNoInjectedScript(response.headers['content-security-policy']);
    }
    const story = await editor.get(`/api/stories?limit=1`);
    expect(story.headers['cache-control'] ?? '').not.toMatch(/public/);
  });

  it('serves photos with their real type, inline, sandboxed and never sniffed; originals never', async () => {
    for (const [file, type] of [['320.webp', 'image/webp'], ['1024.jpg', 'image/jpeg']] as const) {
      const response = await t.anonymous().get(`/media/photos/${photoId}/${file}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(type);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-disposition']).toBe(`inline; filename="${file}"`);
      const csp = parseCsp(response.headers['content-security-policy']);
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.has('sandbox')).toBe(true);
    }
    for (const file of ['original.jpg', 'original', '../original.jpg', '320.html', '320.svg']) {
      const response = await t.anonymous().get(`/media/photos/${photoId}/${encodeURIComponent(file)}`);
      expect([400, 404], file).toContain(response.statusCode);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    }
  });
});
