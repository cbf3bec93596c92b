import {
  IdParamsSchema,
  MemberReportInListQuerySchema,
  MemberReportInSchema,
  MyReportInListSchema,
  pageOf,
  ReportInDecisionBodySchema,
  ReportInReceiptSchema,
  SelfReportInBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { decideMemberReportIn, getReportInReceipt, listMemberReportIns } from './member-report-in.manage.ts';
import { listSelfReportIns, submitSelfReportIn } from './member-report-in.self.ts';

const tags = ['members'];

/** 在职党员双报到: the member reports in on the H5; the compound's branch confirms and issues the receipt. */
export const memberReportInRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/me/report-in', { schema: { tags, response: { 200: MyReportInListSchema } } }, (request) =>
    listSelfReportIns(request.ctx),
  );

  app.post(
    '/me/report-in',
    {
      schema: { tags, body: SelfReportInBodySchema, response: { 201: MemberReportInSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await submitSelfReportIn(request.ctx, request.body)),
  );

  app.get(
    '/member-report-ins',
    { schema: { tags, querystring: MemberReportInListQuerySchema, response: { 200: pageOf(MemberReportInSchema) } } },
    (request) => listMemberReportIns(request.ctx, request.query),
  );

  app.post(
    '/member-report-ins/:id/decision',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: ReportInDecisionBodySchema,
        response: { 200: MemberReportInSchema },
      },
    },
    (request) => decideMemberReportIn(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/member-report-ins/:id/receipt',
    { schema: { tags, params: IdParamsSchema, response: { 200: ReportInReceiptSchema } } },
    (request) => getReportInReceipt(request.ctx, request.params.id),
  );
};
