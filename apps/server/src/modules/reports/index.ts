import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireSignedIn } from '../../platform/http/request-context.ts';
import type { JobHandlers } from '../../platform/jobs/index.ts';
import { dashboardRoutes } from './dashboard/dashboard.routes.ts';
import { ledgerJobHandlers } from './ledgers/ledger.jobs.ts';
import { ledgersRoutes } from './ledgers/ledgers.routes.ts';
import { workReportJobHandlers } from './work-report/work-report.jobs.ts';
import { workReportRoutes } from './work-report/work-report.routes.ts';

/**
 * Reports: the cockpit (驾驶舱), the work report (工作汇报) as a Word document from an editable template, and the
 * registers (台账) as Excel. It reads every module's tables and writes only its own (templates, generated
 * reports, ledger exports). Every route needs a signed-in user.
 */
export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', async (request) => {
    requireSignedIn(request);
  });
  await app.register(dashboardRoutes);
  await app.register(workReportRoutes);
  await app.register(ledgersRoutes);
};

/** The monthly work report and ledger exports. */
export const reportsJobHandlers: JobHandlers = { ...workReportJobHandlers, ...ledgerJobHandlers };
