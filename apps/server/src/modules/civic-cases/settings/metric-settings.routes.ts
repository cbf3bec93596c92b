import { MetricSettingsResponseSchema, MetricSettingsSchema } from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireIfMatch, sendEtag } from '../../../platform/concurrency.ts';
import { getMetricSettings, putMetricSettings } from './metric-settings.service.ts';

const tags = ['civic-settings'];

/** The county's metric settings (`setting` key `civic.metrics`), edited under If-Match. */
export const metricSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/civic-metric-settings',
    { schema: { tags, response: { 200: MetricSettingsResponseSchema } } },
    async (request, reply) => {
      const current = await getMetricSettings(request.ctx);
      sendEtag(reply, current.version);
      return current;
    },
  );

  app.put(
    '/civic-metric-settings',
    { schema: { tags, body: MetricSettingsSchema, response: { 200: MetricSettingsResponseSchema } } },
    async (request, reply) => {
      // If-Match is read only once the caller is authorised: a stranger learns 403, not 428.
      const saved = await putMetricSettings(request.ctx, request.body, () => requireIfMatch(request));
      sendEtag(reply, saved.version);
      return saved;
    },
  );
};
