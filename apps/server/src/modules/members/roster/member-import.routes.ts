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
import { MAX_UPLOAD_BYTES } from '../../../platform/http/uploads.ts';
import { invalidField } from './member-derive.ts';
import { getMemberImport, listMemberImports, startMemberImport, type UploadedFile } from './member-import.service.ts';

const tags = ['members'];

const hasCode = (error: unknown, code: string): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;

/** The `file` part of the upload: undefined without one; 413 over the upload limit, never a 500. */
async function readSpreadsheetPart(request: FastifyRequest): Promise<UploadedFile | undefined> {
  if (!request.isMultipart()) return undefined;
  try {
    const part = await request.file();
    if (part?.fieldname !== 'file') return undefined;
    return { fileName: part.filename, bytes: await part.toBuffer() };
  } catch (error) {
    if (hasCode(error, 'FST_REQ_FILE_TOO_LARGE')) {
      throw new AppError('PAYLOAD_TOO_LARGE', { details: { field: 'file', maxBytes: MAX_UPLOAD_BYTES } });
    }
    if (hasCode(error, 'FST_INVALID_MULTIPART_CONTENT_TYPE') || hasCode(error, 'FST_PARTS_LIMIT')) {
      throw invalidField('body.file', 'fileRequired');
    }
    throw error;
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
