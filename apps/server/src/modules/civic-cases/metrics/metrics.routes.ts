import { MetricsQuerySchema, MetricsSchema, RankingQuerySchema, RankingSchema } from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getCivicMetrics } from './metrics.query.ts';
import { getCivicRanking } from './rankings.query.ts';

/** 三率 and rankings: `civic_case.supervise`, or `civic_case.dispatch` over the place (a branch secretary). */
export const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/civic-metrics',
    { schema: { tags: ['civic-cases'], querystring: MetricsQuerySchema, response: { 200: MetricsSchema } } },
    (request) => getCivicMetrics(request.ctx, request.query),
  );
  app.get(
    '/civic-rankings',
    { schema: { tags: ['civic-cases'], querystring: RankingQuerySchema, response: { 200: RankingSchema } } },
    (request) => getCivicRanking(request.ctx, request.query),
  );
};
