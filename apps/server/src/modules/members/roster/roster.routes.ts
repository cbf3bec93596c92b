import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const rosterRoutes: FastifyPluginAsyncZod = async () => {};
