import {
  IdParamsSchema,
  MemberImportListQuerySchema,
  MemberImportSchema,
  MemberImportSummarySchema,
  pageOf,
} from '@linli/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../platform/errors/app-error.ts';
import { MAX_UPLOAD_BYTES, readFilePart, UploadError } from '../../../platform/http/uploads.ts';
import { getMemberImport, listMemberImports, startMemberImport, type UploadedFile } from './member-import.service.ts';

const tags = ['members'];

/** The `file` part of the upload: undefined without one; 413 over the upload limit, never a 500. */
async function readSpreadsheetPart(request: FastifyRequest): Promise<UploadedFile | undefined> {
  try {
    return await readFilePart(request, MAX_UPLOAD_BYTES);
  } catch (error) {
    if (!(error instanceof UploadError)) throw error;
    if (error.problem === 'too_large') {
      throw new AppError('PAYLOAD_TOO_LARGE', { details: { field: 'file', maxBytes: MAX_UPLOAD_BYTES } });
    }
    throw new AppError('VALIDATION_FAILED', { details: { issues: [{ path: 'body.file', message: error.problem }] } });
  }
}

/** Roster spreadsheets: upload (202, validated and imported by a job) and progress. */
export const memberImportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/member-imports',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 202: MemberImportSchema } },
      config: { multipart: true },
    },
    async (request, reply) =>
      reply.status(202).send(await startMemberImport(request.ctx, await readSpreadsheetPart(request))),
  );

  app.get(
    '/member-imports',
    {
      schema: { tags, querystring: MemberImportListQuerySchema, response: { 200: pageOf(MemberImportSummarySchema) } },
    },
    (request) => listMemberImports(request.ctx, request.query),
  );

  app.get(
    '/member-imports/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: MemberImportSchema } } },
    (request) => getMemberImport(request.ctx, request.params.id),
  );
};
