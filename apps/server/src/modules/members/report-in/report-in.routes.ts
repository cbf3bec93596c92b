import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const reportInRoutes: FastifyPluginAsyncZod = async () => {};
