import {
  CreateHouseholdBodySchema,
  CreateResidentBodySchema,
  HouseholdDetailSchema,
  HouseholdExportQuerySchema,
  HouseholdListQuerySchema,
  HouseholdPageSchema,
  IdParamsSchema,
  ResidentSchema,
  UpdateHouseholdBodySchema,
  UpdateResidentBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireIfMatch, sendEtag } from '../../../platform/concurrency.ts';
import { attachment } from '../../../platform/http/content-disposition.ts';
import { getHouseholdDetail, listHouseholds } from './household.service.ts';
import { householdActivityRoutes } from './household-activity.routes.ts';
import { exportHouseholds } from './household-export.ts';
import { createHousehold, updateHousehold } from './household-write.ts';
import { myMemberRoutes } from './my-member.routes.ts';
import { addResident, removeResident, updateResident } from './resident.service.ts';

const tags = ['households'];
const CsvSchema = z.string().describe('CSV, UTF-8 with BOM (text/csv)');
const NoContentSchema = z.null().describe('No content');

/** Households and residents; links, visits and the member's own record and badge register from here too. */
export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/households',
    { schema: { tags, querystring: HouseholdListQuerySchema, response: { 200: HouseholdPageSchema } } },
    (request) => listHouseholds(request.ctx, request.query),
  );

  // The text/csv body is sent as is; the schema documents it (Fastify serialises only JSON content types).
  app.get(
    '/households/export',
    { schema: { tags, querystring: HouseholdExportQuerySchema, response: { 200: CsvSchema } } },
    async (request, reply) => {
      const file = await exportHouseholds(request.ctx, request.query);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachment(file.filename))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.get(
    '/households/:id',
    { schema: { tags, params: IdParamsSchema, response: { 200: HouseholdDetailSchema } } },
    async (request, reply) => {
      const detail = await getHouseholdDetail(request.ctx, request.params.id);
      sendEtag(reply, detail.version);
      return detail;
    },
  );

  app.post(
    '/households',
    {
      schema: { tags, body: CreateHouseholdBodySchema, response: { 201: HouseholdDetailSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await createHousehold(request.ctx, request.body)),
  );

  app.patch(
    '/households/:id',
    {
      schema: {
        tags,
        params: IdParamsSchema,
        body: UpdateHouseholdBodySchema,
        response: { 200: HouseholdDetailSchema },
      },
    },
    async (request, reply) => {
      const detail = await updateHousehold(request.ctx, request.params.id, request.body, requireIfMatch(request));
      sendEtag(reply, detail.version);
      return detail;
    },
  );

  app.post(
    '/households/:id/residents',
    {
      schema: { tags, params: IdParamsSchema, body: CreateResidentBodySchema, response: { 201: ResidentSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await addResident(request.ctx, request.params.id, request.body)),
  );

  app.patch(
    '/residents/:id',
    { schema: { tags, params: IdParamsSchema, body: UpdateResidentBodySchema, response: { 200: ResidentSchema } } },
    async (request, reply) => {
      const resident = await updateResident(request.ctx, request.params.id, request.body, requireIfMatch(request));
      sendEtag(reply, resident.version);
      return resident;
    },
  );

  app.delete(
    '/residents/:id',
    { schema: { tags, params: IdParamsSchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await removeResident(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  await app.register(householdActivityRoutes);
  await app.register(myMemberRoutes);
};
