import {
  CreatePiiExportRequestBodySchema,
  IdParamsSchema,
  PiiExportDecisionBodySchema,
  PiiExportRequestListQuerySchema,
  PiiExportRequestSchema,
  pageOf,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createPiiExportRequest, decidePiiExportRequest } from './pii-export.service.ts';
import { listPiiExportRequests } from './pii-export-list.ts';

const tags = ['members'];

/** PI-4: requests for an unmasked roster export and a second person's decision on them. */
export const piiExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/member-export-requests',
    {
      schema: { tags, body: CreatePiiExportRequestBodySchema, response: { 201: PiiExportRequestSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await createPiiExportRequest(request.ctx, request.body)),
  );

  app.get(
    '/member-export-requests',
    {
      schema: { tags, querystring: PiiExportRequestListQuerySchema, response: { 200: pageOf(PiiExportRequestSchema) } },
    },
    (request) => listPiiExportRequests(request.ctx, request.query),
  );

  app.post(
    '/member-export-requests/:id/decision',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: PiiExportDecisionBodySchema,
        response: { 200: PiiExportRequestSchema },
      },
    },
    (request) => decidePiiExportRequest(request.ctx, request.params.id, request.body),
  );
};
