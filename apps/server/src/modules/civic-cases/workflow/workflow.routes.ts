import {
  BulkDispatchBodySchema,
  BulkDispatchResultSchema,
  CaseActionBodySchema,
  CaseActionParamsSchema,
  CivicCaseDetailSchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireIfMatch, sendEtag } from '../../../platform/concurrency.ts';
import { bulkDispatch, takeCaseAction } from './case-action.service.ts';

const NoContentSchema = z.null().describe('No content');

/** The 民情 state machine over HTTP: one action on one case (If-Match), and dispatching many at once. */
export const workflowRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/civic-cases/bulk-dispatch',
    { schema: { tags: ['civic-cases'], body: BulkDispatchBodySchema, response: { 200: BulkDispatchResultSchema } } },
    (request) => bulkDispatch(request.ctx, request.body),
  );
  app.post(
    '/civic-cases/:id/actions/:action',
    {
      schema: {
        tags: ['civic-cases'],
        params: CaseActionParamsSchema,
        body: CaseActionBodySchema,
        response: { 200: CivicCaseDetailSchema, 204: NoContentSchema },
      },
    },
    async (request, reply) => {
      const expectedVersion = requireIfMatch(request);
      const detail = await takeCaseAction(request.ctx, {
        caseId: request.params.id,
        action: request.params.action,
        body: request.body,
        expectedVersion,
      });
      if (!detail) return reply.status(204).send(null);
      sendEtag(reply, detail.version);
      return detail;
    },
  );
};
