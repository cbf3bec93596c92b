import {
  CreateVenueBodySchema,
  IdParamsSchema,
  pageOf,
  UpdateVenueBodySchema,
  VenueDetailSchema,
  VenueListQuerySchema,
  VenueSchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireIfMatch, sendEtag } from '../../platform/concurrency.ts';
import { createVenue, getVenue, listVenues } from './venue.service.ts';
import { updateVenue } from './venue-update.ts';

const tags = ['organisation'];

/** Venues (活动场所) of the compounds: list, detail, create, edit. */
export const venueRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/venues',
    { schema: { tags, querystring: VenueListQuerySchema, response: { 200: pageOf(VenueSchema) } } },
    (request) => listVenues(request.ctx, request.query),
  );

  app.get(
    '/venues/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: VenueDetailSchema } } },
    async (request, reply) => {
      const venue = await getVenue(request.ctx, request.params.id);
      sendEtag(reply, venue.version);
      return venue;
    },
  );

  app.post(
    '/venues',
    {
      schema: { tags, body: CreateVenueBodySchema, response: { 201: VenueSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await createVenue(request.ctx, request.body)),
  );

  app.patch(
    '/venues/:id',
    { schema: { tags, params: IdParamsSchema, body: UpdateVenueBodySchema, response: { 200: VenueDetailSchema } } },
    async (request, reply) => {
      const venue = await updateVenue(request.ctx, request.params.id, request.body, requireIfMatch(request));
      sendEtag(reply, venue.version);
      return venue;
    },
  );
};
