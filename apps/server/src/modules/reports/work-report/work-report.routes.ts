import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const workReportRoutes: FastifyPluginAsyncZod = async () => {};
