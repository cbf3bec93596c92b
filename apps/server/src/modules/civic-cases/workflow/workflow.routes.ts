import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const workflowRoutes: FastifyPluginAsyncZod = async () => {};
