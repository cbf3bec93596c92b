import {
  CreateWorkUnitBodySchema,
  IdParamsSchema,
  pageOf,
  UpdateWorkUnitBodySchema,
  WorkUnitDetailSchema,
  WorkUnitListQuerySchema,
  WorkUnitSchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireIfMatch, sendEtag } from '../../../platform/concurrency.ts';
import { createWorkUnit, getWorkUnit, listWorkUnits, updateWorkUnit } from './work-unit.service.ts';

const tags = ['members'];

/** Work units (工作单位) and their Party organisations: list, detail, create, edit. */
export const workUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/work-units',
    { schema: { tags, querystring: WorkUnitListQuerySchema, response: { 200: pageOf(WorkUnitSchema) } } },
    (request) => listWorkUnits(request.ctx, request.query),
  );

  app.get(
    '/work-units/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: WorkUnitDetailSchema } } },
    async (request, reply) => {
      const unit = await getWorkUnit(request.ctx, request.params.id);
      sendEtag(reply, unit.version);
      return unit;
    },
  );

  app.post(
    '/work-units',
    {
      schema: { tags, body: CreateWorkUnitBodySchema, response: { 201: WorkUnitDetailSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => {
      const unit = await createWorkUnit(request.ctx, request.body);
      sendEtag(reply, unit.version);
      return reply.status(201).send(unit);
    },
  );

  app.patch(
    '/work-units/:id',
    {
      schema: { tags, params: IdParamsSchema, body: UpdateWorkUnitBodySchema, response: { 200: WorkUnitDetailSchema } },
    },
    async (request, reply) => {
      const unit = await updateWorkUnit(request.ctx, request.params.id, request.body, requireIfMatch(request));
      sendEtag(reply, unit.version);
      return unit;
    },
  );
};
