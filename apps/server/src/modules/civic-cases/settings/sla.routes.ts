import { IdParamsSchema, PutSlaRuleBodySchema, SlaRuleListSchema, SlaRuleSchema } from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteSlaRule, listSlaRules, putSlaRule } from './sla.service.ts';

const tags = ['civic-settings'];
/** 204 answers carry no body. */
const NoContentSchema = z.null().describe('No content');

/** The time-limit table: category × urgency × step. */
export const slaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/civic-slas', { schema: { tags, response: { 200: SlaRuleListSchema } } }, async (request) => ({
    items: await listSlaRules(request.ctx),
  }));

  app.put(
    '/civic-slas',
    { schema: { tags, body: PutSlaRuleBodySchema, response: { 200: SlaRuleSchema } } },
    (request) => putSlaRule(request.ctx, request.body),
  );

  app.delete(
    '/civic-slas/:id',
    { schema: { tags, params: IdParamsSchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await deleteSlaRule(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
