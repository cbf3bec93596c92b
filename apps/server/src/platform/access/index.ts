import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export { authorize, can, inScope, requireActor, type Scoped } from './authorize.ts';
export const accessRoutes: FastifyPluginAsyncZod = async () => {};
