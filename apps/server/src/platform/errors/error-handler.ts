import { type Locale, LocaleSchema } from '@linli/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { recordAudit } from '../audit/audit.service.ts';
import { isIdempotencyCollision } from '../http/idempotency.ts';
import { AppError } from './app-error.ts';
import { MESSAGES, STATUS_BY_CODE } from './error-codes.ts';

const DENIALS = new Set(['FORBIDDEN', 'CSRF_REJECTED']);

/** SEC-14: failed authorisations are audited, in their own transaction since the request's rolled back. */
async function auditDenial(request: FastifyRequest, error: AppError): Promise<void> {
  if (!request.ctx) return;
  try {
    await recordAudit(request.ctx, {
      action: 'access.denied',
      outcome: 'failure',
      details: { code: error.code, method: request.method, route: request.routeOptions.url ?? null },
    });
  } catch (auditError) {
    request.log.error({ err: auditError }, 'could not audit a denial');
  }
}

/**
 * Constraint violations that slip past a service's own checks are still the client's conflict, not a crash:
 * a concurrent twin of an idempotent request, a duplicate unique value, a reference to a row that vanished.
 */
function fromDatabaseError(error: unknown): AppError | undefined {
  if (isIdempotencyCollision(error)) return new AppError('IDEMPOTENCY_IN_FLIGHT');
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505') {
    return new AppError('DUPLICATE');
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503')
    return new AppError('CONFLICT', { details: { reason: 'reference' } });
  return undefined;
}

/** zh-CN unless the client prefers English. */
export function localeOf(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'zh-CN';
  const first = header.split(',')[0]?.trim() ?? '';
  const parsed = LocaleSchema.safeParse(first);
  if (parsed.success) return parsed.data;
  return first.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

type Issue = { path: string; message: string };

const issuesOfZod = (error: ZodError): Issue[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

function validationIssues(error: FastifyError): Issue[] | undefined {
  if (!hasZodFastifySchemaValidationErrors(error)) return undefined;
  return error.validation.map((v) => ({
    path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
    message: v.message ?? 'invalid',
  }));
}

function send(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const locale = localeOf(request);
  const message = error.localized?.[locale] ?? MESSAGES[error.code][locale];
  const body: Record<string, unknown> = { code: error.code, message, requestId: request.id };
  if (error.details !== undefined) body.details = error.details;
  return reply.status(STATUS_BY_CODE[error.code]).send({ error: body });
}

/**
 * What Fastify's router refuses before any route or hook runs — a URL whose bytes do not decode, a parameter over
 * the length limit — in the same envelope as every other bad input (Fastify's `frameworkErrors` option).
 */
export function sendRouterError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return send(request, reply, new AppError('VALIDATION_FAILED', { details: { reason: error.code } }));
}

/**
 * One handler for every failure. Bad input is always a 4xx with the same envelope; anything unexpected is a
 * 500 whose body says nothing about the internals (WEB-6) while the log keeps the stack.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (DENIALS.has(error.code)) await auditDenial(request, error);
      return send(request, reply, error);
    }
    const dbError = fromDatabaseError(error);
    if (dbError) return send(request, reply, dbError);
    const issues = validationIssues(error);
    if (issues) return send(request, reply, new AppError('VALIDATION_FAILED', { details: { issues } }));
    if (error instanceof ZodError) {
      return send(request, reply, new AppError('VALIDATION_FAILED', { details: { issues: issuesOfZod(error) } }));
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return send(request, reply, new AppError('PAYLOAD_TOO_LARGE'));
    if (status === 429) return send(request, reply, new AppError('RATE_LIMITED'));
    if (status >= 400 && status < 500) {
      // Malformed JSON, wrong content type, and the like: the client's fault, said plainly.
      return send(
        request,
        reply,
        new AppError('VALIDATION_FAILED', { details: { reason: error.code ?? 'BAD_REQUEST' } }),
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(request, reply, new AppError('INTERNAL'));
  });

  app.setNotFoundHandler((request, reply) => send(request, reply, new AppError('NOT_FOUND')));
}
