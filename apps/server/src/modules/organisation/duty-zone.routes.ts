import {
  CreateDutyZoneBodySchema,
  DutyZoneDetailSchema,
  DutyZoneListQuerySchema,
  DutyZoneSchema,
  IdParamsSchema,
  pageOf,
  UpdateDutyZoneBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireIfMatch, sendEtag } from '../../platform/concurrency.ts';
import { createDutyZone, getDutyZone, listDutyZones } from './duty-zone.service.ts';
import { updateDutyZone } from './duty-zone-update.ts';

const tags = ['organisation'];

/** River and street duty zones (河道/街道责任区) held by organ Party organisations: list, detail, create, edit. */
export const dutyZoneRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/duty-zones',
    { schema: { tags, querystring: DutyZoneListQuerySchema, response: { 200: pageOf(DutyZoneSchema) } } },
    (request) => listDutyZones(request.ctx, request.query),
  );

  app.get(
    '/duty-zones/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: DutyZoneDetailSchema } } },
    async (request, reply) => {
      const zone = await getDutyZone(request.ctx, request.params.id);
      sendEtag(reply, zone.version);
      return zone;
    },
  );

  app.post(
    '/duty-zones',
    {
      schema: { tags, body: CreateDutyZoneBodySchema, response: { 201: DutyZoneSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await createDutyZone(request.ctx, request.body)),
  );

  app.patch(
    '/duty-zones/:id',
    {
      schema: { tags, params: IdParamsSchema, body: UpdateDutyZoneBodySchema, response: { 200: DutyZoneDetailSchema } },
    },
    async (request, reply) => {
      const zone = await updateDutyZone(request.ctx, request.params.id, request.body, requireIfMatch(request));
      sendEtag(reply, zone.version);
      return zone;
    },
  );
};
