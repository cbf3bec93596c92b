import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireSignedIn } from '../../platform/http/request-context.ts';
import type { JobHandlers } from '../../platform/jobs/index.ts';
import { caseQueryRoutes } from './cases/cases.routes.ts';
import { intakeRoutes } from './intake/intake.routes.ts';
import { publicIntakeRoutes } from './intake/public-intake.routes.ts';
import { mediationRoutes } from './mediation/mediation.routes.ts';
import { metricsRoutes } from './metrics/metrics.routes.ts';
import { civicSettingsRoutes } from './settings/settings.routes.ts';
import { supervisionJobHandlers } from './supervision/supervision.jobs.ts';
import { supervisionRoutes } from './supervision/supervision.routes.ts';
import { workflowRoutes } from './workflow/workflow.routes.ts';

export { civicCaseFileOwners } from './case-file-owners.ts';
/** The demo seeder plays cases through the same use cases the API runs. */
export { createCase, type NewCaseInput } from './intake/case-create.ts';
/** Reports quote the 民情 figures through the same counts, rates and periods the metrics pages use. */
export { addCounts, ZERO_COUNTS } from './metrics/case-metrics.ts';
export { ratesOf } from './metrics/case-rates.ts';
/**
 * The 民情 tally: read by the reports (one grouped read serves several breakdowns), rebuilt after bulk loads that
 * write case rows directly (the county-scale generator), and checked against a fresh count ("counters = counts").
 */
export { readTally, sumAll, sumBy, type TallyDimension, type TallyGroup } from './metrics/civic-tally.read.ts';
export { civicTallyMismatches, rebuildCivicTally, type TallyMismatch } from './metrics/civic-tally.verify.ts';
export { getCivicMetrics } from './metrics/metrics.query.ts';
export { countsByGroup, receivedByStatus } from './metrics/metrics.repository.ts';
export {
  assertPeriod,
  monthPeriod,
  monthsOf,
  nextDay,
  periodBounds,
  shanghaiMidnight,
} from './metrics/metrics-period.ts';
export { overdueOpenCount } from './metrics/overdue.repository.ts';
export { getCivicRanking } from './metrics/rankings.query.ts';
export { open311Routes } from './open311/open311.routes.ts';
export { sendOpen311RouterError } from './open311/open311-errors.ts';
export { loadMetricSettings } from './settings/metric-settings.repository.ts';
export { escalationReason } from './supervision/sweep-notices.ts';
export {
  escalationKey,
  INTAKE_STATUSES,
  SUPERVISION_ANSWER_LIMIT,
  TIMED_STATUSES,
} from './supervision/sweep-rules.ts';
export { applyCaseAction } from './workflow/case-action.runner.ts';
/** The statuses in which a case is still open (the overdue backlog counts only these). */
export { OPEN_STATUSES } from './workflow/civic-case-status.ts';

/**
 * The 民情 module: categories, time limits and routing; intake from every channel; the case centre and inboxes;
 * the state machine's actions; supervision (督办); metrics and rankings; mediation. Every route here needs a
 * signed-in user; the public tracking page and anonymous intake register through `civicCasesPublicRoutes`, and
 * Open311 through `open311Routes` at `/open311/v2`.
 */
export const civicCasesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', async (request) => {
    requireSignedIn(request);
  });
  await app.register(civicSettingsRoutes);
  await app.register(intakeRoutes);
  await app.register(caseQueryRoutes);
  await app.register(workflowRoutes);
  await app.register(supervisionRoutes);
  await app.register(metricsRoutes);
  await app.register(mediationRoutes);
};

/** Anonymous reporting without an account and the tracking-code page (PI-8). */
export const civicCasesPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(publicIntakeRoutes);
};

/** The supervision sweep (due soon, overdue, 督办). */
export const civicCasesJobHandlers: JobHandlers = { ...supervisionJobHandlers };
