import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountsRoutes } from './accounts.routes.ts';

export { disableAccount } from './account.service.ts';
export { authorize, can, inScope, requireActor, type Scoped } from './authorize.ts';
export { generateOneTimePassword } from './one-time-password.ts';

export const accessRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(accountsRoutes);
};
