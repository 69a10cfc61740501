import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppConfig } from '../config';
import type { DatabaseHandle } from '../db/connection';

/** What every route module receives: the app (with zod typing), the config and the database. */
export interface RouteContext {
  app: FastifyInstance;
  config: AppConfig;
  database: DatabaseHandle;
}

export function zodRoutes(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}
