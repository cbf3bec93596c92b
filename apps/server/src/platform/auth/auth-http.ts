import type { LoginResult } from '@linli/contracts';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { recordAudit } from '../audit/audit.service.ts';
import { AppError } from '../errors/app-error.ts';
import { setSessionCookie } from '../http/request-context.ts';
import type { AuthOutcome } from './sign-in.ts';

/** Puts a started session in the cookie (WEB-1 flags) and answers the step's result. */
export function sendAuthOutcome<R extends LoginResult>(reply: FastifyReply, tls: boolean, outcome: AuthOutcome<R>): R {
  if (outcome.session) setSessionCookie(reply, tls, outcome.session.token, outcome.session.maxAgeMs);
  return outcome.result;
}

const retryAfterOf = (error: FastifyError | AppError): number | undefined => {
  if (!(error instanceof AppError) || error.code !== 'RATE_LIMITED') return undefined;
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : undefined;
};

/**
 * A flood of refused requests must not become a flood of audit writes on the serialised hash chain: one entry
 * per route, source and limit a minute is evidence enough (per process; each process audits its own).
 */
const AUDIT_EVERY_MS = 60_000;
const lastAudited = new Map<string, number>();

function shouldAudit(key: string, now: number): boolean {
  const last = lastAudited.get(key);
  if (last !== undefined && now - last < AUDIT_EVERY_MS) return false;
  if (lastAudited.size > 10_000) {
    for (const [k, at] of lastAudited) if (now - at >= AUDIT_EVERY_MS) lastAudited.delete(k);
  }
  lastAudited.set(key, now);
  return true;
}

/**
 * For the sign-in routes: a rate-limit hit (the per-IP limiter's or a per-phone limit) is audited (SEC-14,
 * ASVS 16.3.3) and the per-phone one gets its `Retry-After` header, which services cannot set.
 */
export function installRateLimitAudit(app: FastifyInstance): void {
  app.addHook('onError', async (request, reply, error) => {
    const isLimited = error.statusCode === 429 || (error instanceof AppError && error.code === 'RATE_LIMITED');
    if (!isLimited) return;
    const retryAfter = retryAfterOf(error);
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    const route = request.routeOptions.url ?? null;
    const limit = retryAfter === undefined ? 'ip' : 'phone';
    if (!shouldAudit(`${route}|${request.ip}|${limit}`, request.ctx.clock.now().getTime())) return;
    try {
      await recordAudit(request.ctx, {
        action: 'security.rate_limited',
        outcome: 'failure',
        details: { route, limit },
      });
    } catch (auditError) {
      request.log.error({ err: auditError }, 'could not audit a rate-limit hit');
    }
  });
}
