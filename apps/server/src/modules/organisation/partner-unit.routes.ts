import {
  CreatePartnerUnitBodySchema,
  IdParamsSchema,
  PartnerUnitListQuerySchema,
  PartnerUnitSchema,
  pageOf,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendEtag } from '../../platform/concurrency.ts';
import { createPartnerUnit, getPartnerUnit, listPartnerUnits } from './partner-unit.service.ts';

const tags = ['organisation'];

/** Partner units (联系单位/共建单位) and the compounds they support. */
export const partnerUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/partner-units',
    { schema: { tags, querystring: PartnerUnitListQuerySchema, response: { 200: pageOf(PartnerUnitSchema) } } },
    (request) => listPartnerUnits(request.ctx, request.query),
  );

  app.get(
    '/partner-units/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: PartnerUnitSchema } } },
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
};
