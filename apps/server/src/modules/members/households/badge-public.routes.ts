import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const badgePublicRoutes: FastifyPluginAsyncZod = async () => {};
