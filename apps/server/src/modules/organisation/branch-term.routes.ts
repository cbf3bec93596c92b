import {
  BranchTermDetailSchema,
  BranchTermListQuerySchema,
  BranchTermSchema,
  CreateBranchTermBodySchema,
  IdParamsSchema,
  pageOf,
  UpdateBranchTermBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireIfMatch, sendEtag } from '../../platform/concurrency.ts';
import { createBranchTerm, getBranchTerm, listBranchTerms } from './branch-term.service.ts';
import { updateBranchTerm } from './branch-term-update.ts';

const tags = ['organisation'];

/** Branch committee terms (支部委员会任期) and their elected members: list, detail, record, correct. */
export const branchTermRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/branch-terms',
    { schema: { tags, querystring: BranchTermListQuerySchema, response: { 200: pageOf(BranchTermSchema) } } },
    (request) => listBranchTerms(request.ctx, request.query),
  );

  app.get(
    '/branch-terms/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: BranchTermDetailSchema } } },
    async (request, reply) => {
      const term = await getBranchTerm(request.ctx, request.params.id);
      sendEtag(reply, term.version);
      return term;
    },
  );

  app.post(
    '/branch-terms',
    {
      schema: { tags, body: CreateBranchTermBodySchema, response: { 201: BranchTermSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await createBranchTerm(request.ctx, request.body)),
  );

  app.patch(
    '/branch-terms/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdateBranchTermBodySchema,
        response: { 200: BranchTermDetailSchema },
      },
    },
    async (request, reply) => {
      const term = await updateBranchTerm(request.ctx, request.params.id, request.body, requireIfMatch(request));
      sendEtag(reply, term.version);
      return term;
    },
  );
};
