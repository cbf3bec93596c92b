import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { loadSession } from '../auth/session.ts';
import type { Actor, Ctx, Platform } from '../context.ts';
import { AppError } from '../errors/app-error.ts';
import { localeOf } from '../errors/error-handler.ts';

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    sessionExpired: boolean;
    ctx: Ctx;
  }
}

export const sessionCookieName = (tls: boolean): string => (tls ? '__Host-linli_sid' : 'linli_sid');

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie into `request.actor` and builds `request.ctx`, then enforces CSRF (WEB-2): a
 * cookie-authenticated write must come from our own origin and carry the session's CSRF token.
 */
export function installRequestContext(app: FastifyInstance, platform: Platform): void {
  app.decorate('platform', platform);
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('ctx', null as unknown as Ctx);

  const cookieName = sessionCookieName(platform.config.tls);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[cookieName];
    if (token) {
      const found = await loadSession(platform.db, platform.clock, token);
      if (found.status === 'ok') {
        request.actor = found.actor;
        request.csrfToken = found.csrfToken;
      } else {
        request.sessionExpired = found.status === 'expired';
      }
    }
    request.ctx = {
      ...platform,
      actor: request.actor,
      request: {
        requestId: request.id,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        locale: localeOf(request),
      },
    };
    if (UNSAFE_METHODS.has(request.method)) checkCsrf(request, platform);
  });
}

function checkCsrf(request: FastifyRequest, platform: Platform): void {
  const origin = request.headers.origin;
  if (origin && !isAllowedOrigin(origin, request, platform.config.allowedOrigins)) {
    throw new AppError('CSRF_REJECTED', { details: { reason: 'origin' } });
  }
  if (request.headers['sec-fetch-site'] === 'cross-site') {
    throw new AppError('CSRF_REJECTED', { details: { reason: 'sec-fetch-site' } });
  }
  if (request.actor && request.headers['x-csrf-token'] !== request.csrfToken) {
    throw new AppError('CSRF_REJECTED', { details: { reason: 'token' } });
  }
}

function isAllowedOrigin(origin: string, request: FastifyRequest, allowed: string[]): boolean {
  if (allowed.includes(origin)) return true;
  try {
    const parsed = new URL(origin);
    // Normalise the Host header through the same parser so default ports (":80", ":443") compare equal.
    return parsed.host === new URL(`${parsed.protocol}//${request.headers.host ?? ''}`).host;
  } catch {
    return false;
  }
}

/** The session-bound Set-Cookie attributes (WEB-1). */
export function setSessionCookie(reply: FastifyReply, tls: boolean, token: string, maxAgeMs: number): void {
  reply.setCookie(sessionCookieName(tls), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: tls,
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, tls: boolean): void {
  reply.clearCookie(sessionCookieName(tls), { path: '/', httpOnly: true, sameSite: 'lax', secure: tls });
}

/** Route guard for "must be signed in": distinguishes an expired session from none at all. */
export function requireSignedIn(request: FastifyRequest): Actor {
  if (request.actor) return request.actor;
  throw new AppError(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
}
