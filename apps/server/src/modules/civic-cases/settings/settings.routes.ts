import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const civicSettingsRoutes: FastifyPluginAsyncZod = async () => {};
