import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
export const residentsRoutes: FastifyPluginAsyncZod = async () => {};
