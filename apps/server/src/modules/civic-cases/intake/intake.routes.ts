import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const intakeRoutes: FastifyPluginAsyncZod = async () => {};
