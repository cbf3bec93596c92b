import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const postRoutes: FastifyPluginAsyncZod = async () => {};
