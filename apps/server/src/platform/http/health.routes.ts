import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Platform } from '../context.ts';

/** `/healthz` answers 200 only when the database answers a query; load balancers and the CLI rely on it. */
export function installHealth(app: FastifyInstance, platform: Platform): void {
  app.get('/healthz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await sql`SELECT 1`.execute(platform.db);
      return { status: 'ok', db: 'ok' };
    } catch (error) {
      request.log.error({ err: error }, 'health check failed');
      return reply.status(503).send({ status: 'unavailable', db: 'down' });
    }
  });
}
