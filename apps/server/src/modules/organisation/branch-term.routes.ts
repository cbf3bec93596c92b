import {
  BranchTermDetailSchema,
  BranchTermListQuerySchema,
  BranchTermSchema,
  CreateBranchTermBodySchema,
  IdParamsSchema,
  pageOf,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendEtag } from '../../platform/concurrency.ts';
import { createBranchTerm, getBranchTerm, listBranchTerms } from './branch-term.service.ts';

const tags = ['organisation'];

/** Branch committee terms (支部委员会任期) and their elected members. */
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
};
