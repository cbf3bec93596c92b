import {
  CreatePartnerUnitBodySchema,
  IdParamsSchema,
  PartnerUnitDetailSchema,
  PartnerUnitListQuerySchema,
  PartnerUnitSchema,
  pageOf,
  UpdatePartnerUnitBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireIfMatch, sendEtag } from '../../platform/concurrency.ts';
import { createPartnerUnit, getPartnerUnit, listPartnerUnits } from './partner-unit.service.ts';
import { updatePartnerUnit } from './partner-unit-update.ts';

const tags = ['organisation'];

/** Partner units (联系单位/共建单位) and the compounds they support: list, detail, create, edit. */
export const partnerUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/partner-units',
    { schema: { tags, querystring: PartnerUnitListQuerySchema, response: { 200: pageOf(PartnerUnitSchema) } } },
    (request) => listPartnerUnits(request.ctx, request.query),
  );

  app.get(
    '/partner-units/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: PartnerUnitDetailSchema } } },
    async (request, reply) => {
      const unit = await getPartnerUnit(request.ctx, request.params.id);
      sendEtag(reply, unit.version);
      return unit;
    },
  );

  app.post(
    '/partner-units',
    {
      schema: { tags, body: CreatePartnerUnitBodySchema, response: { 201: PartnerUnitSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await createPartnerUnit(request.ctx, request.body)),
  );

  app.patch(
    '/partner-units/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdatePartnerUnitBodySchema,
        response: { 200: PartnerUnitDetailSchema },
      },
    },
    async (request, reply) => {
      const unit = await updatePartnerUnit(request.ctx, request.params.id, request.body, requireIfMatch(request));
      sendEtag(reply, unit.version);
      return unit;
    },
  );
};
