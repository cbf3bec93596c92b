import { AuditEntrySchema, AuditListQuerySchema, AuditVerifyResultSchema, pageOf } from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAuditLog, verifyAuditLog } from './audit-log.service.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    { schema: { tags: ['audit'], querystring: AuditListQuerySchema, response: { 200: pageOf(AuditEntrySchema) } } },
    (request) => listAuditLog(request.ctx, request.query),
  );
  app.get('/audit/verify', { schema: { tags: ['audit'], response: { 200: AuditVerifyResultSchema } } }, (request) =>
    verifyAuditLog(request.ctx),
  );
};
