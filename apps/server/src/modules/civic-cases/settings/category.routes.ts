import {
  CivicCategoryListQuerySchema,
  CivicCategoryListSchema,
  CivicCategorySchema,
  CreateCivicCategoryBodySchema,
  IdParamsSchema,
  UpdateCivicCategoryBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireIfMatch, sendEtag } from '../../../platform/concurrency.ts';
import { createCategory, listCategories, updateCategory } from './category.service.ts';

const tags = ['civic-settings'];

/** The category tree: read by everyone signed in, edited by the county's configurers. */
export const categoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/civic-categories',
    { schema: { tags, querystring: CivicCategoryListQuerySchema, response: { 200: CivicCategoryListSchema } } },
    async (request) => ({ items: await listCategories(request.ctx, request.query) }),
  );

  app.post(
    '/civic-categories',
    {
      schema: { tags, body: CreateCivicCategoryBodySchema, response: { 201: CivicCategorySchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => {
      const created = await createCategory(request.ctx, request.body);
      sendEtag(reply, created.version);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/civic-categories/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdateCivicCategoryBodySchema,
        response: { 200: CivicCategorySchema },
      },
    },
    async (request, reply) => {
      const updated = await updateCategory(request.ctx, request.params.id, request.body, () => requireIfMatch(request));
      sendEtag(reply, updated.version);
      return updated;
    },
  );
};
