import {
  IdParamsSchema,
  PublicCompoundListSchema,
  PublicCompoundQuerySchema,
  pageOf,
  RegisterBodySchema,
  ResidentClaimDecisionSchema,
  ResidentClaimListQuerySchema,
  ResidentClaimSchema,
  SignedInResultSchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { installRateLimitAudit, sendAuthOutcome } from '../../platform/auth/index.ts';
import { searchCompoundsPublic } from '../organisation/index.ts';
import { registerResident } from './registration.service.ts';
import { decideResidentClaim, listResidentClaims } from './resident-claim.service.ts';

/**
 * WEB-3 limits, per client IP (see the table in platform/auth/auth.routes.ts for the sign-in routes):
 *
 * | route                  | per IP      | further limits                                           |
 * |------------------------|-------------|----------------------------------------------------------|
 * | POST /auth/register    | 10 / minute | the SMS code: 5 wrong guesses burn it; 1 send/60 s/phone |
 * | GET /public/compounds  | 60 / minute | names only, at most 20 per answer                        |
 */
const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

export const residentsRoutes: FastifyPluginAsyncZod = async (app) => {
  installRateLimitAudit(app);
  const tls = app.platform.config.tls;

  app.post(
    '/auth/register',
    {
      config: perMinute(10),
      schema: { tags: ['auth'], body: RegisterBodySchema, response: { 200: SignedInResultSchema } },
    },
    async (request, reply) => sendAuthOutcome(reply, tls, await registerResident(request.ctx, request.body)),
  );

  app.get(
    '/public/compounds',
    {
      config: perMinute(60),
      schema: {
        tags: ['residents'],
        querystring: PublicCompoundQuerySchema,
        response: { 200: PublicCompoundListSchema },
      },
    },
    async (request) => ({ items: await searchCompoundsPublic(request.ctx.db, request.query.q) }),
  );

  app.get(
    '/resident-claims',
    {
      schema: {
        tags: ['residents'],
        querystring: ResidentClaimListQuerySchema,
        response: { 200: pageOf(ResidentClaimSchema) },
      },
    },
    (request) => listResidentClaims(request.ctx, request.query),
  );

  app.post(
    '/resident-claims/:id/decision',
    {
      schema: {
        tags: ['residents'],
        params: IdParamsSchema,
        body: ResidentClaimDecisionSchema,
        response: { 200: ResidentClaimSchema },
      },
    },
    (request) => decideResidentClaim(request.ctx, request.params.id, request.body),
  );
};
