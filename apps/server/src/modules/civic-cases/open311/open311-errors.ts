import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { formatOf, type Open311Error, sendErrors } from './open311-format.ts';

/**
 * A failure in the spec's terms, thrown by the Open311 use cases: 400 (a missing or bad parameter, anything
 * else), 403 (no valid `api_key`) or 404 (no such service, request or token), with a description for the
 * integrator.
 */
export class Open311Failure extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429,
    readonly description: string,
  ) {
    super(description);
    this.name = 'Open311Failure';
  }
}

export const badRequest = (description: string) => new Open311Failure(400, description);
export const notFound311 = (description: string) => new Open311Failure(404, description);

interface Mapped {
  status: number;
  errors: Open311Error[];
}

const one = (status: number, description: string): Mapped => ({ status, errors: [{ code: status, description }] });

/** Field paths of our schemas and of `createCase` in the names the integrator sent. */
function parameterOf(path: string): string {
  if (path.startsWith('answers.')) return `attribute[${path.slice('answers.'.length)}]`;
  if (path === 'categoryId') return 'service_code';
  return path;
}

function issuesOf(details: unknown): { path: string; message: string }[] {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.map((i: { path?: unknown; message?: unknown }) => ({
    path: String(i.path ?? ''),
    message: String(i.message ?? 'invalid'),
  }));
}

const ISSUE_TEXT: Record<string, string> = {
  required: 'is required',
  unknown: 'is not an attribute of this service',
  type: 'has the wrong datatype',
  option: 'is not one of the listed values',
};

/** Each validation issue as its own spec error, so a client can show every bad field at once. */
function validation(details: unknown): Mapped {
  const issues = issuesOf(details);
  if (issues.length === 0) return one(400, 'The request is invalid.');
  return {
    status: 400,
    errors: issues.map((i) => ({
      code: 400,
      description: `${parameterOf(i.path)} ${ISSUE_TEXT[i.message] ?? `is invalid (${i.message})`}`.trim(),
    })),
  };
}

function fromAppError(error: AppError): Mapped {
  switch (error.code) {
    case 'VALIDATION_FAILED':
      return validation(error.details);
    case 'NOT_FOUND':
      return one(404, 'Not found.');
    case 'FORBIDDEN':
    case 'CSRF_REJECTED':
      return one(403, 'This request is not allowed.');
    case 'RATE_LIMITED':
      return one(429, 'Too many requests; retry later.');
    case 'CATEGORY_NOT_OPEN': {
      const reason = (error.details as { reason?: unknown } | undefined)?.reason;
      if (reason === 'anonymous') {
        return one(400, 'This service does not accept anonymous requests: give first_name/last_name or phone.');
      }
      return one(404, 'service_code not found.');
    }
    default:
      return one(400, 'The request could not be processed.');
  }
}

/**
 * Any failure as the spec's error list. Only 400, 403, 404 and (with Retry-After, from the limiter) 429 are
 * answered: the spec has 400 for "any other failure", so even an unexpected error is a 400 here — logged in full,
 * described to the client in one generic sentence (WEB-6).
 */
export function toOpen311Errors(error: unknown): Mapped & { unexpected: boolean } {
  if (error instanceof Open311Failure) return { ...one(error.status, error.description), unexpected: false };
  if (error instanceof AppError) return { ...fromAppError(error), unexpected: false };
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    return { ...validation({ issues }), unexpected: false };
  }
  const status = (error as FastifyError).statusCode ?? 500;
  if (status === 429) return { ...one(429, 'Too many requests; retry later.'), unexpected: false };
  if (status === 413) return { ...one(400, 'The request body is too large.'), unexpected: false };
  if (status === 415) {
    return { ...one(400, 'Send the arguments as application/x-www-form-urlencoded.'), unexpected: false };
  }
  if (status >= 400 && status < 500) return { ...one(400, 'The request is malformed.'), unexpected: false };
  return { ...one(400, 'The request could not be processed.'), unexpected: true };
}

/** SEC-14: a refused key (or a cross-site write) is audited like any denial, in its own transaction. */
async function auditDenial(request: FastifyRequest, description: string): Promise<void> {
  if (!request.ctx) return;
  try {
    await recordAudit(request.ctx, {
      action: 'access.denied',
      outcome: 'failure',
      details: {
        code: 'OPEN311_FORBIDDEN',
        reason: description,
        method: request.method,
        route: request.url.split('?')[0],
      },
    });
  } catch (auditError) {
    request.log.error({ err: auditError }, 'could not audit an Open311 denial');
  }
}

/**
 * Scoped to the Open311 plugin: its failures never take the `/api/v1` envelope, and a path under `/open311/v2`
 * that matches no endpoint (or an unknown format suffix) is the spec's 404.
 */
export function installOpen311Errors(app: FastifyInstance): void {
  app.setErrorHandler(async (error, request, reply) => {
    const mapped = toOpen311Errors(error);
    if (mapped.unexpected) request.log.error({ err: error }, 'open311 request failed');
    if (mapped.status === 403) await auditDenial(request, mapped.errors[0]?.description ?? '');
    return sendErrors(reply, formatOf(request), mapped.status, mapped.errors);
  });
  app.setNotFoundHandler((request, reply) =>
    sendErrors(reply, formatOf(request), 404, [{ code: 404, description: 'No such Open311 endpoint or format.' }]),
  );
}

/**
 * A URL Fastify's router refused before any Open311 route ran (bytes it cannot decode, a parameter over the length
 * limit): answered as the spec's error list in the format the path asks for, like every other Open311 error.
 */
export function sendOpen311RouterError(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendErrors(reply, formatOf(request), 400, [{ code: 400, description: 'The request URL is not valid.' }]);
}
