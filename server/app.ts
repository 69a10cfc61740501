import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppConfig } from './config';
import type { DatabaseHandle } from './db/connection';
import { authentication } from './http/auth';
import { registerErrorHandler } from './http/error-handler';
import { registerSecurityHeaders } from './http/security-headers';
import { registerJsonParser } from './http/json-body';
import type { RouteContext } from './http/types';
import { searchBacklog, stopSearchBacklog } from './services/search-backlog';
import { healthRoutes } from './routes/health/routes';
import { importRoutes } from './routes/import/routes';
import { mediaRoutes } from './routes/media/routes';
import { photoRoutes } from './routes/photos/routes';
import { sessionRoutes } from './routes/session/routes';
import { storyRoutes } from './routes/stories/routes';
import { workflowRoutes } from './routes/stories/workflow-routes';
import { historyRoutes } from './routes/stories/history-routes';
import { publicSiteRoutes } from './public-site/routes';
import { userRoutes } from './routes/users/routes';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route as registered (method and URL pattern), for the OpenAPI check and access tests. */
    apiRoutes: RegisteredRoute[];
    /** Every route as registered, API or not (public site, media, SPA files), HEAD left out: for the access tests. */
    allRoutes: RegisteredRoute[];
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  /** Anyone may call it, logged in or not (config `public`, or outside /api). */
  public: boolean;
}

export interface AppDependencies {
  config: AppConfig;
  database: DatabaseHandle;
}

/** Trust the nearest `hops` proxies (e.g. 1: one load balancer in front). */
function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

/** Builds the API and the SPA host. Tests call this with a temporary database and use `app.inject`. */
export async function buildApp({ config, database }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logger ? { level: 'info' } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  const apiRoutes: RegisteredRoute[] = [];
  const allRoutes: RegisteredRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.decorate('allRoutes', allRoutes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      // Only /api routes need a session (see http/auth); the public site and media are open to all.
      const entry = { method, url: route.url, public: route.config?.public === true || !route.url.startsWith('/api/') };
      allRoutes.push(entry);
      if (route.url.startsWith('/api/')) apiRoutes.push(entry);
    }
  });
  // The API speaks JSON only; anything else is 415, not a string for the validators to puzzle over.
  app.removeContentTypeParser('text/plain');
  registerJsonParser(app);
  registerErrorHandler(app);

  await app.register(cookie);
  registerSecurityHeaders(app);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Newsdesk API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'newsdesk_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(authentication, { config, database });
  // Photo uploads; each route that reads parts sets its own limits (see routes/photos).
  await app.register(multipart, { limits: { fileSize: config.uploads.maxBytes, files: 1, fields: 0, parts: 1 } });

  const context: RouteContext = { app, config, database };
  healthRoutes(context);
  sessionRoutes(context);
  userRoutes(context);
  storyRoutes(context);
  importRoutes(context);
  photoRoutes(context);
  mediaRoutes(context);
  workflowRoutes(context);
  historyRoutes(context);
  publicSiteRoutes(context);
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await registerSpa(app, config.staticDir);
  // Saves answered before a crash or a stop may have left their stories' search text behind.
  searchBacklog(database.db, database.dialect).soon();
  app.addHook('onClose', () => stopSearchBacklog(database.db));
  return app;
}

/**
 * Serves the built SPA: hashed assets cached for a year, index.html for every other page route
 * (the client router takes it from there). /api stays JSON, 404 included.
 */
async function registerSpa(app: FastifyInstance, staticDir: string) {
  const indexFile = path.join(staticDir, 'index.html');
  const built = fs.existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, {
      root: staticDir,
      index: false,
      wildcard: false,
      setHeaders(reply, filePath) {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/');
    if (isPage && built && !path.extname(request.url.split('?')[0])) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    if (isPage && !built) {
      return reply.status(404).type('text/plain; charset=utf-8').send('The web app is not built yet: run `npm run build` (npm start does it for you).');
    }
    return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
  });
}
