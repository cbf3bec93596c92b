import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const metricsRoutes: FastifyPluginAsyncZod = async () => {};
