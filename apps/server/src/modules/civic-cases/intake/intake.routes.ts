import {
  CivicCasePageSchema,
  DuplicateListSchema,
  DuplicateQuerySchema,
  FileCivicCaseBodySchema,
  IdParamsSchema,
  MyCivicCaseSchema,
  PageQuerySchema,
  SubmitCivicCaseBodySchema,
  SubmittedCivicCaseSchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendEtag } from '../../../platform/concurrency.ts';
import { findDuplicates } from './duplicates.service.ts';
import { setFollowing } from './follow.service.ts';
import { getMyCase, listMyCases } from './my-cases.service.ts';
import { reporterKey } from './rate-limit-key.ts';
import { fileCase, reportCase } from './submit-case.service.ts';

const tags = ['civic-cases'];
/** 204 answers carry no body. */
const NoContentSchema = z.null().describe('No content');
/** "Me too" carries nothing but the case in its path. */
const NoBodySchema = z.object({}).strict().optional();

/**
 * 民情 intake for signed-in users (docs/api.md § Intake): residents report and follow, staff file from every other
 * channel, both look for duplicates. Submissions need an Idempotency-Key (REL-6: the H5 resubmits an offline
 * draft with the same key) and are limited to 20 a minute per account (WEB-3).
 */
export const intakeRoutes: FastifyPluginAsyncZod = async (app) => {
  const submitting = {
    idempotency: 'required' as const,
    rateLimit: { max: 20, timeWindow: '1 minute', keyGenerator: reporterKey },
  };

  app.post(
    '/me/civic-cases',
    {
      config: submitting,
      schema: { tags, body: SubmitCivicCaseBodySchema, response: { 201: SubmittedCivicCaseSchema } },
    },
    async (request, reply) => reply.status(201).send(await reportCase(request.ctx, request.body)),
  );

  app.post(
    '/civic-cases',
    {
      config: submitting,
      schema: { tags, body: FileCivicCaseBodySchema, response: { 201: SubmittedCivicCaseSchema } },
    },
    async (request, reply) => reply.status(201).send(await fileCase(request.ctx, request.body)),
  );

  app.get(
    '/civic-cases/duplicates',
    { schema: { tags, querystring: DuplicateQuerySchema, response: { 200: DuplicateListSchema } } },
    (request) => findDuplicates(request.ctx, request.query),
  );

  app.post(
    '/civic-cases/:id/follow',
    { schema: { tags, params: IdParamsSchema, body: NoBodySchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await setFollowing(request.ctx, request.params.id, true);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/civic-cases/:id/follow',
    { schema: { tags, params: IdParamsSchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await setFollowing(request.ctx, request.params.id, false);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me/civic-cases',
    { schema: { tags, querystring: PageQuerySchema.strict(), response: { 200: CivicCasePageSchema } } },
    (request) => listMyCases(request.ctx, request.query),
  );

  app.get(
    '/me/civic-cases/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: MyCivicCaseSchema } } },
    async (request, reply) => {
      const mine = await getMyCase(request.ctx, request.params.id);
      sendEtag(reply, mine.version);
      return mine;
    },
  );
};
