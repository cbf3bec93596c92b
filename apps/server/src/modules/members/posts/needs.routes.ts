import {
  CreateNeedBodySchema,
  IdParamsSchema,
  MyListQuerySchema,
  MyPostListQuerySchema,
  MyPostPageSchema,
  NeedDetailSchema,
  NeedListQuerySchema,
  NeedPageSchema,
  NeedStatusBodySchema,
  PostClaimPageSchema,
  UpdateNeedBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireIfMatch, sendEtag } from '../../../platform/concurrency.ts';
import { listMyPosts } from './me-posts.service.ts';
import { createNeed, getNeed, listNeeds, updateNeed } from './need.service.ts';
import { claimNeed, listMyNeeds, setNeedStatus } from './need-claim.ts';
import { listMyClaims } from './post-claim.service.ts';

const tags = ['posts'];
const NoBodySchema = z.object({}).strict().optional();

/** The needs list (需求清单) and the member's own posts, claims and needs. */
export const needRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/needs',
    { schema: { tags, querystring: NeedListQuerySchema, response: { 200: NeedPageSchema } } },
    (request) => listNeeds(request.ctx, request.query),
  );
  app.post(
    '/needs',
    {
      schema: { tags, body: CreateNeedBodySchema, response: { 201: NeedDetailSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await createNeed(request.ctx, request.body)),
  );
  app.get(
    '/needs/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: NeedDetailSchema } } },
    async (request, reply) => {
      const need = await getNeed(request.ctx, request.params.id);
      sendEtag(reply, need.version);
      return need;
    },
  );
  app.patch(
    '/needs/:id',
    { schema: { tags, params: IdParamsSchema, body: UpdateNeedBodySchema, response: { 200: NeedDetailSchema } } },
    async (request, reply) => {
      const need = await updateNeed(request.ctx, request.params.id, request.body, requireIfMatch(request));
      sendEtag(reply, need.version);
      return need;
    },
  );
  app.post(
    '/needs/:id/claim',
    { schema: { tags, params: IdParamsSchema, body: NoBodySchema, response: { 200: NeedDetailSchema } } },
    (request) => claimNeed(request.ctx, request.params.id),
  );
  app.post(
    '/needs/:id/status',
    { schema: { tags, params: IdParamsSchema, body: NeedStatusBodySchema, response: { 200: NeedDetailSchema } } },
    (request) => setNeedStatus(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/me/posts',
    { schema: { tags, querystring: MyPostListQuerySchema, response: { 200: MyPostPageSchema } } },
    (request) => listMyPosts(request.ctx, request.query),
  );
  app.get(
    '/me/claims',
    { schema: { tags, querystring: MyListQuerySchema, response: { 200: PostClaimPageSchema } } },
    (request) => listMyClaims(request.ctx, request.query),
  );
  app.get(
    '/me/needs',
    { schema: { tags, querystring: MyListQuerySchema, response: { 200: NeedPageSchema } } },
    (request) => listMyNeeds(request.ctx, request.query),
  );
};
