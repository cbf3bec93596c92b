import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiKeyRoutes } from './api-key.routes.ts';
import { categoryRoutes } from './category.routes.ts';
import { metricSettingsRoutes } from './metric-settings.routes.ts';
import { routingRoutes } from './routing.routes.ts';
import { slaRoutes } from './sla.routes.ts';

/** What the county configures for 民情: categories, time limits, routing, metric settings and Open311 keys. */
export const civicSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(categoryRoutes);
  await app.register(slaRoutes);
  await app.register(routingRoutes);
  await app.register(metricSettingsRoutes);
  await app.register(apiKeyRoutes);
};
