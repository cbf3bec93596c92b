import {
  ChangePasswordBodySchema,
  InitialPasswordBodySchema,
  LoginBodySchema,
  LoginResultSchema,
  MeSchema,
  OtpLoginBodySchema,
  OtpSendBodySchema,
  OtpSendResultSchema,
  SignedInResultSchema,
  TotpEnrolBodySchema,
  TotpEnrolmentSchema,
  TotpVerifyBodySchema,
} from '@linli/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookie, requireSignedIn } from '../http/request-context.ts';
import { installRateLimitAudit, sendAuthOutcome } from './auth-http.ts';
import { loginWithPassword } from './login.service.ts';
import { logout } from './logout.service.ts';
import { getMe } from './me.service.ts';
import { loginWithOtp, sendOtp } from './otp.service.ts';
import { changePassword, setInitialPassword } from './password.service.ts';
import { enrolTotp, verifyTotp } from './totp.service.ts';

/**
 * WEB-3 limits, per client IP (`@fastify/rate-limit`, registered with `global: false` in app.ts; the IP honours
 * X-Forwarded-For only from a configured proxy, WEB-9). Exceeding one answers 429 RATE_LIMITED with
 * `Retry-After` and is audited as `security.rate_limited`.
 *
 * | route                       | per IP      | further limits                                               |
 * |-----------------------------|-------------|--------------------------------------------------------------|
 * | POST /auth/login            | 10 / minute | 5 failures in 15 min lock the account (policy, SEC-3)        |
 * | POST /auth/totp/enrol       | 10 / minute | only with a live 5-minute mfaToken                           |
 * | POST /auth/totp/verify      | 10 / minute | 5 wrong codes burn the mfaToken; they also count for lockout |
 * | POST /auth/password/initial | 10 / minute | only with a live 10-minute changeToken                       |
 * | POST /auth/password         | 5 / minute  | signed in; current password required                         |
 * | POST /auth/otp/send         | 10 / minute | per phone: 1 per 60 s and 5 per hour (in the database)       |
 * | POST /auth/otp/login        | 10 / minute | 5 wrong codes burn the code                                  |
 * | POST /auth/register         | 10 / minute | in modules/residents; the SMS code limits above apply        |
 */
const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

const tags = ['auth'];
/** 204 answers carry no body. */
const NoContentSchema = z.null().describe('No content');

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  installRateLimitAudit(app);
  const tls = app.platform.config.tls;

  app.post(
    '/auth/login',
    { config: perMinute(10), schema: { tags, body: LoginBodySchema, response: { 200: LoginResultSchema } } },
    async (request, reply) => sendAuthOutcome(reply, tls, await loginWithPassword(request.ctx, request.body)),
  );

  app.post(
    '/auth/totp/enrol',
    { config: perMinute(10), schema: { tags, body: TotpEnrolBodySchema, response: { 200: TotpEnrolmentSchema } } },
    (request) => enrolTotp(request.ctx, request.body.mfaToken),
  );

  app.post(
    '/auth/totp/verify',
    { config: perMinute(10), schema: { tags, body: TotpVerifyBodySchema, response: { 200: SignedInResultSchema } } },
    async (request, reply) => sendAuthOutcome(reply, tls, await verifyTotp(request.ctx, request.body)),
  );

  app.post(
    '/auth/password/initial',
    { config: perMinute(10), schema: { tags, body: InitialPasswordBodySchema, response: { 200: LoginResultSchema } } },
    async (request, reply) => sendAuthOutcome(reply, tls, await setInitialPassword(request.ctx, request.body)),
  );

  app.post(
    '/auth/password',
    { config: perMinute(5), schema: { tags, body: ChangePasswordBodySchema, response: { 204: NoContentSchema } } },
    async (request, reply) => {
      requireSignedIn(request);
      await changePassword(request.ctx, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/otp/send',
    { config: perMinute(10), schema: { tags, body: OtpSendBodySchema, response: { 200: OtpSendResultSchema } } },
    (request) => sendOtp(request.ctx, request.body),
  );

  app.post(
    '/auth/otp/login',
    { config: perMinute(10), schema: { tags, body: OtpLoginBodySchema, response: { 200: LoginResultSchema } } },
    async (request, reply) => sendAuthOutcome(reply, tls, await loginWithOtp(request.ctx, request.body)),
  );

  app.post('/auth/logout', { schema: { tags, response: { 204: NoContentSchema } } }, async (request, reply) => {
    await logout(request.ctx);
    clearSessionCookie(reply, tls);
    return reply.status(204).send(null);
  });

  app.get('/auth/me', { schema: { tags, response: { 200: MeSchema } } }, (request) => {
    requireSignedIn(request);
    return getMe(request.ctx, request.csrfToken);
  });
};
