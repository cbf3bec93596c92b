import { BadgeTokenParamsSchema, PublicBadgeSchema } from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { installRateLimitAudit } from '../../../platform/auth/index.ts';
import { verifyBadge } from './badge.service.ts';

/**
 * The public 亮身份 check the badge's QR code opens: no session. WEB-3 limit per client IP, like
 * `GET /public/compounds`: 60 / minute (a token is 32 random bytes, so guessing is hopeless anyway; the limit
 * keeps scrapers of printed badges slow). The token format is checked strictly before any lookup.
 */
export const badgePublicRoutes: FastifyPluginAsyncZod = async (app) => {
  installRateLimitAudit(app);
  app.get(
    '/public/badges/:token',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: ['members'], params: BadgeTokenParamsSchema, response: { 200: PublicBadgeSchema } },
    },
    (request) => verifyBadge(request.ctx, request.params.token),
  );
};
