import {
  CreateServiceRecordBodySchema,
  IdParamsSchema,
  MyListQuerySchema,
  ServiceRatingBodySchema,
  ServiceRecordListQuerySchema,
  ServiceRecordPageSchema,
  ServiceRecordSchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FileOwnerPolicies } from '../../../platform/files/files.service.ts';
import { rateService } from './service-rating.ts';
import { SERVICE_RECORD_FILES } from './service-record.repository.ts';
import {
  canReadServiceRecord,
  listMyServiceRecords,
  listServiceRecords,
  listServicesToRate,
} from './service-record.service.ts';
import { createServiceRecord } from './service-record-create.ts';

const tags = ['posts'];

/** Who may read the photos attached to the posts area's records (the stored-files routes ask). */
export const postsFileOwners: FileOwnerPolicies = { [SERVICE_RECORD_FILES]: canReadServiceRecord };

/** Service records (服务登记卡), their ratings, and the member's and resident's own lists. */
export const serviceRecordRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/service-records',
    { schema: { tags, querystring: ServiceRecordListQuerySchema, response: { 200: ServiceRecordPageSchema } } },
    (request) => listServiceRecords(request.ctx, request.query),
  );
  app.post(
    '/service-records',
    {
      schema: { tags, body: CreateServiceRecordBodySchema, response: { 201: ServiceRecordSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => reply.status(201).send(await createServiceRecord(request.ctx, request.body)),
  );
  app.post(
    '/service-records/:id/rating',
    { schema: { tags, params: IdParamsSchema, body: ServiceRatingBodySchema, response: { 200: ServiceRecordSchema } } },
    (request) => rateService(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/me/service-records',
    { schema: { tags, querystring: MyListQuerySchema, response: { 200: ServiceRecordPageSchema } } },
    (request) => listMyServiceRecords(request.ctx, request.query),
  );
  app.get(
    '/me/services-to-rate',
    { schema: { tags, querystring: MyListQuerySchema, response: { 200: ServiceRecordPageSchema } } },
    (request) => listServicesToRate(request.ctx, request.query),
  );
};
