import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testDialects, type TestApp } from '../../test/harness';

describe.each(testDialects())('health and API description on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('reports liveness and a working database to anyone', async () => {
    const response = await t.anonymous().get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('reports 503 when the database is gone', async () => {
    const broken = await startTestApp(dialect);
    try {
      await broken.database.db.destroy();
      const response = await broken.anonymous().get('/api/health');
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ status: 'error', database: 'unavailable' });
    } finally {
      // Drops its database too (its PostgreSQL schema was left behind before).
      await broken.close();
    }
  });

  it('serves an OpenAPI description of every route', async () => {
    const response = await t.anonymous().get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toMatch(/^3\./);
    const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const registered = t.app.apiRoutes
      .filter((route) => route.url !== '/api/openapi.json')
      .map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(registered.length).toBeGreaterThan(8);
    expect(documented.sort()).toEqual(registered.sort());
    expect(spec.paths['/api/stories/{id}'].patch.requestBody.content['application/json'].schema.properties.headline).toEqual({ type: 'string', maxLength: 300 });
  });

  it('answers unknown API routes with a JSON 404 in the one error shape', async () => {
    const response = await t.anonymous().get('/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /api/nothing-here' } });
  });

  it('sends security headers', async () => {
    const response = await t.anonymous().get('/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });
});
