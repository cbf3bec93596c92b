import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const caseQueryRoutes: FastifyPluginAsyncZod = async () => {};
