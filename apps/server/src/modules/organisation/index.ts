import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export {
  type CompoundRef,
  findCompoundRef,
  organisationScopeResolver,
  searchCompoundsPublic,
} from './compound-lookup.ts';
export const organisationRoutes: FastifyPluginAsyncZod = async () => {};
