import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const ledgersRoutes: FastifyPluginAsyncZod = async () => {};
