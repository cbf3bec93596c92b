import {
  CreateLedgerExportBodySchema,
  IdParamsSchema,
  LedgerExportListQuerySchema,
  LedgerExportPageSchema,
  LedgerExportSchema,
  LedgerKindSchema,
  LedgerPreviewQuerySchema,
  LedgerPreviewSchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachment, XLSX_MEDIA_TYPE } from '../../../platform/http/content-disposition.ts';
import { createLedgerExport, getLedgerExport, listLedgerExports, openLedgerFile } from './ledger-export.service.ts';
import { previewLedger } from './ledger-preview.ts';

const tags = ['reports'];

/** The registers (台账): a preview to read and print, and xlsx exports written by a job with progress. */
export const ledgersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/ledgers/:kind/preview',
    {
      schema: {
        tags,
        params: z.object({ kind: LedgerKindSchema }).strict(),
        querystring: LedgerPreviewQuerySchema,
        response: { 200: LedgerPreviewSchema },
      },
    },
    (request) => previewLedger(request.ctx, request.params.kind, request.query),
  );

  app.post(
    '/ledger-exports',
    {
      schema: { tags, body: CreateLedgerExportBodySchema, response: { 202: LedgerExportSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(202).send(await createLedgerExport(request.ctx, request.body)),
  );

  app.get(
    '/ledger-exports',
    { schema: { tags, querystring: LedgerExportListQuerySchema, response: { 200: LedgerExportPageSchema } } },
    (request) => listLedgerExports(request.ctx, request.query),
  );

  app.get(
    '/ledger-exports/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: LedgerExportSchema } } },
    (request) => getLedgerExport(request.ctx, request.params.id),
  );

  // The file is piped from disk as it is read; Fastify sends streams as they are, without serialising them.
  app.get(
    '/ledger-exports/:id/file',
    { schema: { tags, params: IdParamsSchema, response: { 200: z.unknown().describe(`xlsx (${XLSX_MEDIA_TYPE})`) } } },
    async (request, reply) => {
      const file = await openLedgerFile(request.ctx, request.params.id);
      return reply
        .header('content-type', XLSX_MEDIA_TYPE)
        .header('content-length', file.byteSize)
        .header('content-disposition', attachment(file.fileName))
        .header('cache-control', 'no-store')
        .send(file.stream);
    },
  );
};
