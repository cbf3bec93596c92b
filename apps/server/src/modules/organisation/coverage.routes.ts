import { CoverageQuerySchema, CoverageSchema } from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getCoverage } from './coverage.service.ts';

/** Branch coverage of a scope, for the overview page and the work report. */
export const coverageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/coverage',
    { schema: { tags: ['organisation'], querystring: CoverageQuerySchema, response: { 200: CoverageSchema } } },
    (request) => getCoverage(request.ctx, request.query),
  );
};
