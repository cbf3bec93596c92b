import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireSignedIn } from '../../platform/http/request-context.ts';
import { branchTermRoutes } from './branch-term.routes.ts';
import { compoundRoutes } from './compound.routes.ts';
import { coverageRoutes } from './coverage.routes.ts';
import { dutyZoneRoutes } from './duty-zone.routes.ts';
import { gridRoutes } from './grid.routes.ts';
import { orgUnitRoutes } from './org-unit.routes.ts';
import { partnerUnitRoutes } from './partner-unit.routes.ts';
import { venueRoutes } from './venue.routes.ts';

export { createBranchTerm } from './branch-term.service.ts';
export { createCompound } from './compound-create.ts';
export {
  type CompoundRef,
  findCompoundRef,
  organisationScopeResolver,
  searchCompoundsPublic,
} from './compound-lookup.ts';
export { createDutyZone } from './duty-zone.service.ts';
export { createGrid } from './grid.service.ts';
export { createOrgUnit, createRootOrgUnit } from './org-unit-create.ts';
export { createPartnerUnit } from './partner-unit.service.ts';
export { createVenue } from './venue.service.ts';

/**
 * Every organisation route needs a signed-in user. Checked on `onRequest`, before validation and If-Match, so
 * an anonymous or expired caller always learns that first (401, `SESSION_EXPIRED` when the session timed out).
 */
export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', async (request) => {
    requireSignedIn(request);
  });
  await app.register(orgUnitRoutes);
  await app.register(compoundRoutes);
  await app.register(gridRoutes);
  await app.register(dutyZoneRoutes);
  await app.register(partnerUnitRoutes);
  await app.register(venueRoutes);
  await app.register(branchTermRoutes);
  await app.register(coverageRoutes);
};
