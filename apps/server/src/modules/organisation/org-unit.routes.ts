import {
  CreateOrgUnitBodySchema,
  IdParamsSchema,
  MoveOrgUnitBodySchema,
  OrgTreeQuerySchema,
  OrgUnitDetailSchema,
  OrgUnitListSchema,
  OrgUnitSchema,
  UpdateOrgUnitBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireIfMatch, sendEtag } from '../../platform/concurrency.ts';
import { moveOrgUnit } from './org-tree-move.ts';
import { deleteOrgUnit, getOrgUnitDetail, listOrgUnits, updateOrgUnit } from './org-unit.service.ts';
import { createOrgUnit } from './org-unit-create.ts';

const tags = ['organisation'];
/** 204 answers carry no body. */
const NoContentSchema = z.null().describe('No content');

/** The org tree: list a level, read a node, create, edit, move and delete nodes. */
export const orgUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/org-units',
    { schema: { tags, querystring: OrgTreeQuerySchema, response: { 200: OrgUnitListSchema } } },
    (request) => listOrgUnits(request.ctx, request.query),
  );

  app.get(
    '/org-units/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: OrgUnitDetailSchema } } },
    async (request, reply) => {
      const detail = await getOrgUnitDetail(request.ctx, request.params.id);
      sendEtag(reply, detail.version);
      return detail;
    },
  );

  app.post(
    '/org-units',
    {
      schema: { tags, body: CreateOrgUnitBodySchema, response: { 201: OrgUnitSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => {
      const created = await createOrgUnit(request.ctx, request.body);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/org-units/:id',
    { schema: { tags, params: IdParamsSchema, body: UpdateOrgUnitBodySchema, response: { 200: OrgUnitSchema } } },
    async (request, reply) => {
      const updated = await updateOrgUnit(request.ctx, request.params.id, request.body, requireIfMatch(request));
      sendEtag(reply, updated.version);
      return updated;
    },
  );

  app.post(
    '/org-units/:id/move',
    { schema: { tags, params: IdParamsSchema, body: MoveOrgUnitBodySchema, response: { 200: OrgUnitSchema } } },
    (request) => moveOrgUnit(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/org-units/:id',
    { schema: { tags, params: IdParamsSchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await deleteOrgUnit(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
