import {
  CivicCaseDetailSchema,
  CivicCaseListQuerySchema,
  CivicCasePageSchema,
  CreateSavedViewBodySchema,
  IdParamsSchema,
  RevealedReporterSchema,
  RevealReporterBodySchema,
  SavedViewListSchema,
  SavedViewSchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendEtag } from '../../../platform/concurrency.ts';
import { attachment } from '../../../platform/http/content-disposition.ts';
import { loadCaseDetail } from './case-detail.ts';
import { exportCases } from './case-export.ts';
import { listCases } from './case-list.service.ts';
import { revealReporter } from './reporter-reveal.ts';
import { createSavedView, deleteSavedView, listSavedViews } from './saved-views.service.ts';

const tags = ['civic-cases'];
const CsvSchema = z.string().describe('CSV, UTF-8 with BOM (text/csv)');
const NoContentSchema = z.null().describe('No content');

/** The case centre: lists and inboxes, the ledger export, the detail, saved views, the audited reporter reveal. */
export const caseQueryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/civic-cases',
    { schema: { tags, querystring: CivicCaseListQuerySchema, response: { 200: CivicCasePageSchema } } },
    (request) => listCases(request.ctx, request.query),
  );

  // The list's own query (a cursor or limit in it is ignored: the ledger is the whole selection).
  app.get(
    '/civic-cases/export',
    { schema: { tags, querystring: CivicCaseListQuerySchema, response: { 200: CsvSchema } } },
    async (request, reply) => {
      const { cursor: _cursor, limit: _limit, ...query } = request.query;
      const file = await exportCases(request.ctx, query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachment(file.filename))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.get(
    '/civic-cases/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: CivicCaseDetailSchema } } },
    async (request, reply) => {
      const detail = await loadCaseDetail(request.ctx, request.ctx.db, request.params.id);
      sendEtag(reply, detail.version);
      return detail;
    },
  );

  // SEC-22: reveals are rate-limited per user, on top of the relation, the reason and the audit row.
  app.post(
    '/civic-cases/:id/reporter',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: RevealReporterBodySchema,
        response: { 200: RevealedReporterSchema },
      },
      config: {
        rateLimit: {
          max: 20,
          timeWindow: '1 minute',
          keyGenerator: (request) => (request.actor ? `user:${request.actor.userId}` : request.ip),
        },
      },
    },
    (request) => revealReporter(request.ctx, request.params.id, request.body),
  );

  app.get('/civic-case-views', { schema: { tags, response: { 200: SavedViewListSchema } } }, (request) =>
    listSavedViews(request.ctx),
  );

  app.post(
    '/civic-case-views',
    { schema: { tags, body: CreateSavedViewBodySchema, response: { 201: SavedViewSchema } } },
    async (request, reply) => reply.status(201).send(await createSavedView(request.ctx, request.body)),
  );

  app.delete(
    '/civic-case-views/:id',
    { schema: { tags, params: IdParamsSchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await deleteSavedView(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
