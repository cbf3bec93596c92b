import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const publicIntakeRoutes: FastifyPluginAsyncZod = async () => {};
