import {
  CompoundReportInBoardSchema,
  ComputeYearFlagsBodySchema,
  ComputeYearFlagsResultSchema,
  MemberYearFlagListQuerySchema,
  MemberYearFlagSchema,
  pageOf,
  ReportInRuleDetailSchema,
  UnreportedMemberSchema,
  UnreportedQuerySchema,
  UpdateReportInRuleBodySchema,
  WorkUnitReportInBoardSchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireIfMatch, sendEtag } from '../../../platform/concurrency.ts';
import { compoundBoard, listUnreported, workUnitBoard } from './report-in-board.service.ts';
import { getReportInRule, putReportInRule } from './report-in-rule.ts';
import { computeYearFlags } from './year-flags.compute.ts';
import { listYearFlags } from './year-flags.list.ts';

const tags = ['members'];

/** Report-in boards per work unit and compound, the unreported list, the year-end rule and its flags. */
export const reportInBoardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/report-in-boards/work-units',
    { schema: { tags, response: { 200: WorkUnitReportInBoardSchema } } },
    (request) => workUnitBoard(request.ctx),
  );

  app.get(
    '/report-in-boards/compounds',
    { schema: { tags, response: { 200: CompoundReportInBoardSchema } } },
    (request) => compoundBoard(request.ctx),
  );

  app.get(
    '/report-in-boards/unreported',
    { schema: { tags, querystring: UnreportedQuerySchema, response: { 200: pageOf(UnreportedMemberSchema) } } },
    (request) => listUnreported(request.ctx, request.query),
  );

  app.get(
    '/report-in-rule',
    { schema: { tags, response: { 200: ReportInRuleDetailSchema } } },
    async (request, reply) => {
      const rule = await getReportInRule(request.ctx);
      sendEtag(reply, rule.version);
      return rule;
    },
  );

  app.put(
    '/report-in-rule',
    { schema: { tags, body: UpdateReportInRuleBodySchema, response: { 200: ReportInRuleDetailSchema } } },
    async (request, reply) => {
      const rule = await putReportInRule(request.ctx, request.body, () => requireIfMatch(request));
      sendEtag(reply, rule.version);
      return rule;
    },
  );

  app.post(
    '/member-year-flags/compute',
    { schema: { tags, body: ComputeYearFlagsBodySchema, response: { 200: ComputeYearFlagsResultSchema } } },
    (request) => computeYearFlags(request.ctx, request.body.year),
  );

  app.get(
    '/member-year-flags',
    { schema: { tags, querystring: MemberYearFlagListQuerySchema, response: { 200: pageOf(MemberYearFlagSchema) } } },
    (request) => listYearFlags(request.ctx, request.query),
  );
};
