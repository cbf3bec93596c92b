import {
  CreateOrgReportInBodySchema,
  IdParamsSchema,
  OrgReportInListQuerySchema,
  OrgReportInSchema,
  pageOf,
  ReceiveOrgReportInBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createOrgReportIn, getOrgReportIn, listOrgReportIns, receiveOrgReportIn } from './org-report-in.service.ts';

const tags = ['members'];

/** 组织双报到: an organ Party organisation's 报到单 to a compound or community, and its receipt. */
export const orgReportInRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/org-report-ins',
    { schema: { tags, querystring: OrgReportInListQuerySchema, response: { 200: pageOf(OrgReportInSchema) } } },
    (request) => listOrgReportIns(request.ctx, request.query),
  );

  app.post(
    '/org-report-ins',
    {
      schema: { tags, body: CreateOrgReportInBodySchema, response: { 201: OrgReportInSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await createOrgReportIn(request.ctx, request.body)),
  );

  app.get(
    '/org-report-ins/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: OrgReportInSchema } } },
    (request) => getOrgReportIn(request.ctx, request.params.id),
  );

  app.post(
    '/org-report-ins/:id/receive',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: ReceiveOrgReportInBodySchema,
        response: { 200: OrgReportInSchema },
      },
    },
    (request) => receiveOrgReportIn(request.ctx, request.params.id),
  );
};
