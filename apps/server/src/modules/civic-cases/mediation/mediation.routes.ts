import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const mediationRoutes: FastifyPluginAsyncZod = async () => {};
