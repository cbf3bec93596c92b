import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const householdRoutes: FastifyPluginAsyncZod = async () => {};
