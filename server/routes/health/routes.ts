import { pingDatabase } from '../../db/connection';
import type { RouteContext } from '../../http/types';

/** Liveness plus a database round trip, for load balancers and uptime checks. */
export function healthRoutes({ app, database }: RouteContext) {
  app.get('/api/health', { config: { public: true }, schema: { tags: ['health'], summary: 'Liveness and database check' } }, async (_request, reply) => {
    try {
      await pingDatabase(database.db);
      return { status: 'ok', database: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'error', database: 'unavailable' });
    }
  });
}
