import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { feedbackRoutes } from './feedback.routes.ts';
import { memberReportInRoutes } from './member-report-in.routes.ts';
import { orgReportInRoutes } from './org-report-in.routes.ts';
import { reportInBoardRoutes } from './report-in-board.routes.ts';

/** 双报到 (organisation and member level), boards, the year-end rule and work-unit feedback. */
export const reportInRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(orgReportInRoutes);
  await app.register(memberReportInRoutes);
  await app.register(reportInBoardRoutes);
  await app.register(feedbackRoutes);
};
