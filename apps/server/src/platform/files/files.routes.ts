import { IdParamsSchema, PHOTO_MAX_BYTES, StoredFileSchema } from '@linli/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { requireSignedIn } from '../http/request-context.ts';
import { readFilePart, UploadError } from '../http/uploads.ts';
import { type FileDownload, type FileOwnerPolicies, readFile, tooLarge, uploadPhoto } from './files.service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The body is multipart/form-data, read in the handler: it cannot have a zod body schema (route table). */
    multipart?: boolean;
  }
}

export interface FilesRoutesOptions {
  /** Read policies of the record types files attach to, keyed by `stored_file.owner_type`. */
  owners: FileOwnerPolicies;
}

const BinarySchema = z.unknown().describe('the stored bytes (image/jpeg, image/png or image/webp)');

const missingFile = (): AppError =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path: 'file', message: 'required' }] } });

/** The one `file` part of a multipart request, capped at the photo limit: 400 without it, 413 over the cap. */
async function readPhotoPart(request: FastifyRequest): Promise<Buffer> {
  try {
    const part = await readFilePart(request, PHOTO_MAX_BYTES);
    if (!part) throw missingFile();
    return part.bytes;
  } catch (error) {
    if (!(error instanceof UploadError)) throw error;
    if (error.problem === 'too_large') throw tooLarge();
    throw new AppError('VALIDATION_FAILED', { details: { issues: [{ path: 'file', message: error.problem }] } });
  }
}

/**
 * Stored files (photos for service records, 民情 and later modules): upload and download. Registered once in
 * app.ts with each module's read policy for the records its files attach to.
 */
export const filesRoutes: FastifyPluginAsyncZod<FilesRoutesOptions> = async (app, options) => {
  const tags = ['files'];
  app.addHook('onRequest', async (request) => {
    requireSignedIn(request);
  });

  app.post(
    '/files',
    {
      schema: { tags, consumes: ['multipart/form-data'], response: { 201: StoredFileSchema } },
      config: { multipart: true },
    },
    async (request, reply) => reply.status(201).send(await uploadPhoto(request.ctx, await readPhotoPart(request))),
  );

  const send = (reply: FastifyReply, file: FileDownload) =>
    reply
      .header('content-type', file.mediaType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, max-age=3600')
      .send(file.content);

  app.get(
    '/files/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: BinarySchema } } },
    async (request, reply) => send(reply, await readFile(request.ctx, request.params.id, options.owners)),
  );

  /** The ≤ 320 px JPEG of a photo, authorised through the photo itself; 404 when none could be made. */
  app.get(
    '/files/:id/thumbnail',
    { schema: { tags, params: IdParamsSchema, response: { 200: BinarySchema } } },
    async (request, reply) => send(reply, await readFile(request.ctx, request.params.id, options.owners, 'thumbnail')),
  );
};
