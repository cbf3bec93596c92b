import {
  CompoundDetailSchema,
  CompoundExportQuerySchema,
  CompoundListQuerySchema,
  CompoundPartyParamsSchema,
  CompoundPartySchema,
  CompoundSchema,
  CreateCompoundBodySchema,
  IdParamsSchema,
  pageOf,
  ReplaceCompoundPartyBodySchema,
  UpdateCompoundBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireIfMatch, sendEtag } from '../../platform/concurrency.ts';
import { attachment } from '../../platform/http/content-disposition.ts';
import { getCompoundDetail, listCompounds } from './compound.service.ts';
import { createCompound, updateCompound } from './compound-create.ts';
import { exportCompounds } from './compound-export.ts';
import { replaceCompoundParty } from './compound-parties.ts';

const tags = ['organisation'];
const CsvSchema = z.string().describe('CSV, UTF-8 with BOM (text/csv)');

/** Compounds: list, export, detail, create, edit, and the four parties. */
export const compoundRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/compounds',
    { schema: { tags, querystring: CompoundListQuerySchema, response: { 200: pageOf(CompoundSchema) } } },
    (request) => listCompounds(request.ctx, request.query),
  );

  // The text/csv body is sent as is; the schema documents it (Fastify serialises only JSON content types).
  app.get(
    '/compounds/export',
    { schema: { tags, querystring: CompoundExportQuerySchema, response: { 200: CsvSchema } } },
    async (request, reply) => {
      const file = await exportCompounds(request.ctx, request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachment(file.filename))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.get(
    '/compounds/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: CompoundDetailSchema } } },
    async (request, reply) => {
      const detail = await getCompoundDetail(request.ctx, request.params.id);
      sendEtag(reply, detail.version);
      return detail;
    },
  );

  app.post(
    '/compounds',
    {
      schema: { tags, body: CreateCompoundBodySchema, response: { 201: CompoundDetailSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await createCompound(request.ctx, request.body)),
  );

  app.patch(
    '/compounds/:id',
    {
      schema: { tags, params: IdParamsSchema, body: UpdateCompoundBodySchema, response: { 200: CompoundDetailSchema } },
    },
    async (request, reply) => {
      const detail = await updateCompound(request.ctx, request.params.id, request.body, requireIfMatch(request));
      sendEtag(reply, detail.version);
      return detail;
    },
  );

  app.put(
    '/compounds/:id/parties/:kind',
    {
      schema: {
        tags,
        params: CompoundPartyParamsSchema,
        body: ReplaceCompoundPartyBodySchema,
        response: { 200: CompoundPartySchema },
      },
    },
    async (request, reply) => {
      const { id, kind } = request.params;
      const party = await replaceCompoundParty(request.ctx, id, kind, request.body, requireIfMatch(request));
      sendEtag(reply, party.version);
      return party;
    },
  );
};
