import {
  PublicCivicCaseSchema,
  PublicSubmitCivicCaseBodySchema,
  SubmittedCivicCaseSchema,
  TrackingCodeParamsSchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getPublicCase } from './public-case.service.ts';
import { hashedClientKey } from './rate-limit-key.ts';
import { submitPublicCase } from './submit-case.service.ts';

const tags = ['civic-cases'];

/**
 * Anonymous 民情 without an account, and the tracking page (PI-8). No session needed. WEB-3 limits per client,
 * keyed by a salted hash of the IP held only in memory: 5 reports and 30 look-ups a minute (a tracking code has 50
 * random bits, so the look-up limit only slows scrapers). Rate-limit hits are deliberately not audited here:
 * an audit row with the IP and the time would sit beside the anonymous reports of that minute.
 */
export const publicIntakeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/public/civic-cases',
    {
      config: {
        idempotency: 'required',
        rateLimit: { max: 5, timeWindow: '1 minute', keyGenerator: hashedClientKey },
      },
      schema: { tags, body: PublicSubmitCivicCaseBodySchema, response: { 201: SubmittedCivicCaseSchema } },
    },
    async (request, reply) => reply.status(201).send(await submitPublicCase(request.ctx, request.body)),
  );

  app.get(
    '/public/civic-cases/:trackingCode',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute', keyGenerator: hashedClientKey } },
      schema: { tags, params: TrackingCodeParamsSchema, response: { 200: PublicCivicCaseSchema } },
    },
    (request) => getPublicCase(request.ctx, request.params.trackingCode),
  );
};
