import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { memberRoutes } from './member.routes.ts';
import { memberImportRoutes } from './member-import.routes.ts';
import { piiExportRoutes } from './pii-export.routes.ts';
import { workUnitRoutes } from './work-unit.routes.ts';

/** The roster area: members, imports, PI-4 export requests and work units (docs/api.md § Members → Roster). */
export const rosterRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(memberRoutes);
  await app.register(memberImportRoutes);
  await app.register(piiExportRoutes);
  await app.register(workUnitRoutes);
};
