import {
  CreateRoutingRuleBodySchema,
  IdParamsSchema,
  RoutingPreviewQuerySchema,
  RoutingPreviewSchema,
  RoutingRuleListSchema,
  RoutingRuleSchema,
  UpdateRoutingRuleBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireIfMatch, sendEtag } from '../../../platform/concurrency.ts';
import { previewRouting } from './routing-preview.service.ts';
import { createRoutingRule, listRoutingRules, updateRoutingRule } from './routing-rule.service.ts';

const tags = ['civic-settings'];

/** Routing rules (org scope × category → responsible unit) and the preview of where a case would go. */
export const routingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/civic-routing-rules', { schema: { tags, response: { 200: RoutingRuleListSchema } } }, async (request) => ({
    items: await listRoutingRules(request.ctx),
  }));

  app.post(
    '/civic-routing-rules',
    {
      schema: { tags, body: CreateRoutingRuleBodySchema, response: { 201: RoutingRuleSchema } },
      config: { idempotency: 'optional' },
    },
    async (request, reply) => {
      const created = await createRoutingRule(request.ctx, request.body);
      sendEtag(reply, created.version);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/civic-routing-rules/:id',
    {
      schema: { tags, params: IdParamsSchema, body: UpdateRoutingRuleBodySchema, response: { 200: RoutingRuleSchema } },
    },
    async (request, reply) => {
      const updated = await updateRoutingRule(request.ctx, request.params.id, request.body, () =>
        requireIfMatch(request),
      );
      sendEtag(reply, updated.version);
      return updated;
    },
  );

  app.get(
    '/civic-routing/preview',
    { schema: { tags, querystring: RoutingPreviewQuerySchema, response: { 200: RoutingPreviewSchema } } },
    (request) => previewRouting(request.ctx, request.query),
  );
};
