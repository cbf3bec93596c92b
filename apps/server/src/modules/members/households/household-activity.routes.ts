import {
  CreateHouseholdLinkBodySchema,
  CreateHouseholdVisitBodySchema,
  HouseholdLinkListQuerySchema,
  HouseholdLinkListSchema,
  HouseholdLinkSchema,
  HouseholdVisitListQuerySchema,
  HouseholdVisitPageSchema,
  HouseholdVisitSchema,
  IdParamsSchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createHouseholdLink, deleteHouseholdLink, listHouseholdLinks } from './household-link.service.ts';
import { createHouseholdVisit, listHouseholdVisits } from './household-visit.service.ts';

const tags = ['households'];
const NoContentSchema = z.null().describe('No content');

/** 党员联系住户 links and the visit log (走访). */
export const householdActivityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/households/:id/links',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: CreateHouseholdLinkBodySchema,
        response: { 201: HouseholdLinkSchema },
      },
      config: { idempotency: 'optional' },
    },
    async (request, reply) =>
      reply.status(201).send(await createHouseholdLink(request.ctx, request.params.id, request.body)),
  );

  app.delete(
    '/household-links/:id',
    { schema: { tags, params: IdParamsSchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await deleteHouseholdLink(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/household-links',
    { schema: { tags, querystring: HouseholdLinkListQuerySchema, response: { 200: HouseholdLinkListSchema } } },
    (request) => listHouseholdLinks(request.ctx, request.query),
  );

  app.post(
    '/households/:id/visits',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: CreateHouseholdVisitBodySchema,
        response: { 201: HouseholdVisitSchema },
      },
      config: { idempotency: 'optional' },
    },
    async (request, reply) =>
      reply.status(201).send(await createHouseholdVisit(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/household-visits',
    { schema: { tags, querystring: HouseholdVisitListQuerySchema, response: { 200: HouseholdVisitPageSchema } } },
    (request) => listHouseholdVisits(request.ctx, request.query),
  );
};
