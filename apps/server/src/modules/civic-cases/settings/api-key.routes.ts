import { ApiKeyListSchema, CreateApiKeyBodySchema, IdParamsSchema, IssuedApiKeySchema } from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { issueApiKey, listApiKeys, revokeApiKey } from './api-key.service.ts';

const tags = ['civic-settings'];
/** 204 answers carry no body. */
const NoContentSchema = z.null().describe('No content');

/**
 * Open311 API keys. Issuing takes no Idempotency-Key on purpose: a replayed answer would be a stored copy of
 * the key, which must exist only in the one response.
 */
export const apiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/civic-api-keys', { schema: { tags, response: { 200: ApiKeyListSchema } } }, async (request) => ({
    items: await listApiKeys(request.ctx),
  }));

  app.post(
    '/civic-api-keys',
    { schema: { tags, body: CreateApiKeyBodySchema, response: { 201: IssuedApiKeySchema } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.status(201).send(await issueApiKey(request.ctx, request.body));
    },
  );

  app.delete(
    '/civic-api-keys/:id',
    { schema: { tags, params: IdParamsSchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      await revokeApiKey(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
