import {
  DOCX_MEDIA_TYPE,
  GenerateWorkReportBodySchema,
  IdParamsSchema,
  SaveWorkReportTemplateBodySchema,
  TemplateBodyOnlySchema,
  TemplateCheckSchema,
  TemplatePreviewBodySchema,
  TemplatePreviewSchema,
  WorkReportListQuerySchema,
  WorkReportPageSchema,
  WorkReportSchema,
  WorkReportTemplateSchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireIfMatch, sendEtag } from '../../../platform/concurrency.ts';
import { attachment } from '../../../platform/http/content-disposition.ts';
import {
  checkTemplateBody,
  createTemplate,
  deleteTemplate,
  listTemplates,
  updateTemplate,
} from './template.service.ts';
import { previewTemplate } from './work-report.compose.ts';
import { createWorkReport, downloadWorkReport, getWorkReport, listWorkReports } from './work-report.service.ts';

const tags = ['reports'];
/** Template ids are UUIDs, or `builtin` (which PATCH and DELETE refuse with 403 rather than 400). */
const TemplateParamsSchema = z.object({ id: z.string().min(1).max(40) }).strict();
const NoContentSchema = z.null().describe('No content');
const DocxSchema = z.custom<Buffer>((value) => Buffer.isBuffer(value)).describe(`Word document (${DOCX_MEDIA_TYPE})`);

/** The work report (工作汇报): county templates with their editor checks and preview, and generated documents. */
export const workReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/work-report-templates',
    { schema: { tags, response: { 200: z.array(WorkReportTemplateSchema) } } },
    (request) => listTemplates(request.ctx),
  );

  app.post(
    '/work-report-templates',
    {
      schema: { tags, body: SaveWorkReportTemplateBodySchema, response: { 201: WorkReportTemplateSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => {
      const saved = await createTemplate(request.ctx, request.body);
      sendEtag(reply, saved.version);
      return reply.status(201).send(saved);
    },
  );

  app.post(
    '/work-report-templates/check',
    { schema: { tags, body: TemplateBodyOnlySchema, response: { 200: TemplateCheckSchema } } },
    async (request) => checkTemplateBody(request.ctx, request.body.body),
  );

  app.post(
    '/work-report-templates/preview',
    { schema: { tags, body: TemplatePreviewBodySchema, response: { 200: TemplatePreviewSchema } } },
    (request) => previewTemplate(request.ctx, request.body),
  );

  app.patch(
    '/work-report-templates/:id',
    {
      schema: {
        tags,
        params: TemplateParamsSchema,
        body: SaveWorkReportTemplateBodySchema,
        response: { 200: WorkReportTemplateSchema },
      },
    },
    async (request, reply) => {
      // If-Match is read only once the caller is authorised: a stranger learns 403, not 428.
      const saved = await updateTemplate(request.ctx, request.params.id, request.body, () => requireIfMatch(request));
      sendEtag(reply, saved.version);
      return saved;
    },
  );

  app.delete(
    '/work-report-templates/:id',
    { schema: { tags, params: TemplateParamsSchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await deleteTemplate(request.ctx, request.params.id, () => requireIfMatch(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/work-reports',
    {
      schema: { tags, body: GenerateWorkReportBodySchema, response: { 201: WorkReportSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await createWorkReport(request.ctx, request.body)),
  );

  app.get(
    '/work-reports',
    { schema: { tags, querystring: WorkReportListQuerySchema, response: { 200: WorkReportPageSchema } } },
    (request) => listWorkReports(request.ctx, request.query),
  );

  app.get(
    '/work-reports/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: WorkReportSchema } } },
    (request) => getWorkReport(request.ctx, request.params.id),
  );

  // The docx body is sent as is; the schema documents it (Fastify serialises only JSON content types).
  app.get(
    '/work-reports/:id/file',
    { schema: { tags, params: IdParamsSchema, response: { 200: DocxSchema } } },
    async (request, reply) => {
      const file = await downloadWorkReport(request.ctx, request.params.id);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachment(file.fileName))
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
};
