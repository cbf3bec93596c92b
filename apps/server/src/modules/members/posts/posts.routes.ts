import {
  CreatePostBodySchema,
  CreatePostCategoryBodySchema,
  CreatePostClaimBodySchema,
  IdParamsSchema,
  PostCategoryListSchema,
  PostCategorySchema,
  PostClaimDecisionBodySchema,
  PostClaimListQuerySchema,
  PostClaimPageSchema,
  PostClaimSchema,
  PostDetailSchema,
  PostListQuerySchema,
  PostPageSchema,
  UpdatePostBodySchema,
  UpdatePostCategoryBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireIfMatch, sendEtag } from '../../../platform/concurrency.ts';
import { needRoutes } from './needs.routes.ts';
import { createPost, getPost, listPosts } from './post.service.ts';
import { createPostCategory, listPostCategories, updatePostCategory } from './post-category.service.ts';
import { claimPost, decidePostClaim, listPostClaims, withdrawPostClaim } from './post-claim.service.ts';
import { updatePost } from './post-update.ts';
import { serviceRecordRoutes } from './service-records.routes.ts';

const tags = ['posts'];
/** Actions that take no input still declare that they take none (SEC-19). */
const NoBodySchema = z.object({}).strict().optional();

/** Post categories, posts and claims (设岗定责); needs and service records register alongside. */
export const postRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/post-categories', { schema: { tags, response: { 200: PostCategoryListSchema } } }, (request) =>
    listPostCategories(request.ctx),
  );
  app.post(
    '/post-categories',
    {
      schema: { tags, body: CreatePostCategoryBodySchema, response: { 201: PostCategorySchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await createPostCategory(request.ctx, request.body)),
  );
  app.patch(
    '/post-categories/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdatePostCategoryBodySchema,
        response: { 200: PostCategorySchema },
      },
    },
    async (request, reply) => {
      const category = await updatePostCategory(request.ctx, request.params.id, request.body, requireIfMatch(request));
      sendEtag(reply, category.version);
      return category;
    },
  );

  app.get(
    '/posts',
    { schema: { tags, querystring: PostListQuerySchema, response: { 200: PostPageSchema } } },
    (request) => listPosts(request.ctx, request.query),
  );
  app.post(
    '/posts',
    {
      schema: { tags, body: CreatePostBodySchema, response: { 201: PostDetailSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await createPost(request.ctx, request.body)),
  );
  app.get(
    '/posts/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: PostDetailSchema } } },
    async (request, reply) => {
      const post = await getPost(request.ctx, request.params.id);
      sendEtag(reply, post.version);
      return post;
    },
  );
  app.patch(
    '/posts/:id',
    { schema: { tags, params: IdParamsSchema, body: UpdatePostBodySchema, response: { 200: PostDetailSchema } } },
    async (request, reply) => {
      const post = await updatePost(request.ctx, request.params.id, request.body, requireIfMatch(request));
      sendEtag(reply, post.version);
      return post;
    },
  );

  app.post(
    '/posts/:id/claims',
    {
      schema: { tags, params: IdParamsSchema, body: CreatePostClaimBodySchema, response: { 201: PostClaimSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await claimPost(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/post-claims',
    { schema: { tags, querystring: PostClaimListQuerySchema, response: { 200: PostClaimPageSchema } } },
    (request) => listPostClaims(request.ctx, request.query),
  );
  app.post(
    '/post-claims/:id/decision',
    { schema: { tags, params: IdParamsSchema, body: PostClaimDecisionBodySchema, response: { 200: PostClaimSchema } } },
    (request) => decidePostClaim(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/post-claims/:id/withdraw',
    { schema: { tags, params: IdParamsSchema, body: NoBodySchema, response: { 200: PostClaimSchema } } },
    (request) => withdrawPostClaim(request.ctx, request.params.id),
  );

  await app.register(needRoutes);
  await app.register(serviceRecordRoutes);
};
