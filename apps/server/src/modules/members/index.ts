import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireSignedIn } from '../../platform/http/request-context.ts';
import type { JobHandlers } from '../../platform/jobs/index.ts';
import { badgePublicRoutes } from './households/badge-public.routes.ts';
import { householdRoutes } from './households/households.routes.ts';
import { postRoutes } from './posts/posts.routes.ts';
import { reportInJobHandlers } from './report-in/report-in.jobs.ts';
import { reportInRoutes } from './report-in/report-in.routes.ts';
import { rosterJobHandlers } from './roster/roster.jobs.ts';
import { rosterRoutes } from './roster/roster.routes.ts';

export { type ClaimedResident, recordClaimedResident } from './households/claimed-resident.ts';
export { householdSortKey } from './households/household-address.ts';
export { findSelfMember, type MemberRef } from './member-access.ts';
/** Read policies for the stored files attached to members' records (service-record photos). */
export { postsFileOwners as membersFileOwners } from './posts/service-records.routes.ts';
/** The reports module's member roster (党员花名册) reads and masks rows exactly as the roster export does. */
export { type MemberViewRow, selectMemberView, toMemberListItem } from './roster/member.repository.ts';

/**
 * The members module: roster, 双报到, posts, needs and services, households, work-unit feedback. Every route
 * needs a signed-in user except the public badge check, which registers outside this plugin.
 */
export const membersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', async (request) => {
    requireSignedIn(request);
  });
  await app.register(rosterRoutes);
  await app.register(reportInRoutes);
  await app.register(postRoutes);
  await app.register(householdRoutes);
};

/** The public 亮身份 check the badge's QR code opens: no session, shows only name, branch and posts. */
export const membersPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(badgePublicRoutes);
};

/** Member imports, year-end flags and the quarter-end work-unit feedback. */
export const membersJobHandlers: JobHandlers = { ...rosterJobHandlers, ...reportInJobHandlers };
