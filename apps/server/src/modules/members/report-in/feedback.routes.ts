import {
  CreateFeedbackDocumentBodySchema,
  DOCX_MEDIA_TYPE,
  FeedbackDocumentListQuerySchema,
  FeedbackDocumentSchema,
  IdParamsSchema,
  pageOf,
  WorkUnitFeedbackQuerySchema,
  WorkUnitFeedbackSchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachment } from '../../../platform/http/content-disposition.ts';
import {
  createFeedbackDocument,
  downloadFeedbackDocument,
  listFeedbackDocuments,
  previewFeedback,
} from './feedback.service.ts';

const tags = ['members'];
const DocxSchema = z.custom<Buffer>((value) => Buffer.isBuffer(value)).describe(`Word document (${DOCX_MEDIA_TYPE})`);

/** Work-unit feedback (八小时外): the quarter's record as a page and as stored Word documents. */
export const feedbackRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/work-unit-feedback',
    { schema: { tags, querystring: WorkUnitFeedbackQuerySchema, response: { 200: WorkUnitFeedbackSchema } } },
    (request) => previewFeedback(request.ctx, request.query),
  );

  app.post(
    '/work-unit-feedback',
    {
      schema: { tags, body: CreateFeedbackDocumentBodySchema, response: { 201: FeedbackDocumentSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await createFeedbackDocument(request.ctx, request.body)),
  );

  app.get(
    '/work-unit-feedback/documents',
    {
      schema: { tags, querystring: FeedbackDocumentListQuerySchema, response: { 200: pageOf(FeedbackDocumentSchema) } },
    },
    (request) => listFeedbackDocuments(request.ctx, request.query),
  );

  // The docx body is sent as is; the schema documents it (Fastify serialises only JSON content types).
  app.get(
    '/work-unit-feedback/documents/:id/file',
    { schema: { tags, params: IdParamsSchema, response: { 200: DocxSchema } } },
    async (request, reply) => {
      const file = await downloadFeedbackDocument(request.ctx, request.params.id);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachment(file.fileName))
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  );
};
