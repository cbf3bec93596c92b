import { DashboardSchema, ReportScopeQuerySchema } from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getDashboard } from './dashboard.service.ts';

/** The cockpit (驾驶舱): `report.read` over the scope asked for. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/dashboard',
    { schema: { tags: ['reports'], querystring: ReportScopeQuerySchema, response: { 200: DashboardSchema } } },
    (request) => getDashboard(request.ctx, request.query),
  );
};
