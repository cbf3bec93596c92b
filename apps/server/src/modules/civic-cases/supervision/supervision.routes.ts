import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const supervisionRoutes: FastifyPluginAsyncZod = async () => {};
