import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { systemCtx } from '../../../platform/context.ts';
import { hashedClientKey } from '../intake/rate-limit-key.ts';
import { hashApiKey } from '../settings/api-key.repository.ts';
import { createOpen311Request } from './open311-create.ts';
import { installOpen311Errors, notFound311 } from './open311-errors.ts';
import { fieldsOfBody, parseForm, readCreateArgs } from './open311-form.ts';
import { FORMATS, type Format, sendDoc, splitSuffix } from './open311-format.ts';
import { readRequestFilters } from './open311-requests.query.ts';
import { findRequest, findRequests, findToken } from './open311-requests.ts';
import {
  categoriesChangeset,
  discoveryDoc,
  offeredService,
  offeredServices,
  serviceDefinitionDoc,
  servicesDoc,
} from './open311-services.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * An Open311 GeoReport v2 route: a different protocol (format by path suffix, form-encoded bodies, the spec's
     * error lists), so it carries no zod schemas; the route-table checks exempt exactly these.
     */
    open311?: true;
  }
}

/** The arguments of a POST, however they came (the spec's form encoding, or JSON); no body reads as none. */
const fieldsOf = (request: FastifyRequest) => (request.body === undefined ? {} : fieldsOfBody(request.body));

/** WEB-3: writes are limited per API key (by its hash); a call without a key by a salted hash of the client. */
function apiKeyOf(request: FastifyRequest): string {
  const key = fieldsOf(request).api_key?.[0];
  return key ? `open311:${hashApiKey(key)}` : hashedClientKey(request);
}

/** `MS01.json` from a path parameter, or the spec's 404 (an unknown format is no resource of ours). */
function fileParam(params: unknown): { name: string; format: Format } {
  const file = (params as { file?: unknown }).file;
  const split = typeof file === 'string' ? splitSuffix(file) : null;
  if (!split) throw notFound311('Unknown resource or format (use .xml or .json).');
  return split;
}

const config = { open311: true } as const;
const schema = { hide: true };

/**
 * Open311 GeoReport v2 at `/open311/v2` (outside `/api/v1`, no session): discovery, services and their
 * definitions, creating requests with an API key, tokens, and querying requests — each in XML (the spec's
 * required format) and JSON, chosen by the path's suffix. Everything in this plugin answers failures with the
 * spec's error lists (`installOpen311Errors`).
 */
export const open311Routes: FastifyPluginAsyncZod = async (app) => {
  installOpen311Errors(app);
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_request, body, done) => done(null, parseForm(String(body))),
  );

  for (const format of FORMATS) {
    app.get(`/discovery.${format}`, { config, schema }, async (request, reply) => {
      const protocol = app.platform.config.tls ? 'https' : request.protocol;
      const changeset = await categoriesChangeset(app.platform.db);
      return sendDoc(reply, format, 'discovery', discoveryDoc(changeset, `${protocol}://${request.host}/open311/v2`));
    });

    app.get(`/services.${format}`, { config, schema }, async (_request, reply) =>
      sendDoc(reply, format, 'services', servicesDoc(await offeredServices(app.platform.db))),
    );

    app.post(
      `/requests.${format}`,
      {
        config: {
          ...config,
          rateLimit: { max: 60, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: apiKeyOf },
        },
        schema,
      },
      async (request, reply) => {
        // A system context: no signed-in user is acting, but the request's own metadata is kept for the audit.
        const ctx = { ...systemCtx(app.platform), request: request.ctx.request };
        const doc = await createOpen311Request(ctx, readCreateArgs(fieldsOf(request)));
        // The answer may hold an anonymous report's tracking code: not for any cache.
        reply.header('cache-control', 'no-store');
        return sendDoc(reply, format, 'service_requests', doc);
      },
    );

    app.get(`/requests.${format}`, { config, schema }, async (request, reply) => {
      const filters = readRequestFilters(request.query as Record<string, unknown>, app.platform.clock.now());
      return sendDoc(reply, format, 'service_requests', await findRequests(app.platform.db, filters));
    });
  }

  app.get('/services/:file', { config, schema }, async (request, reply) => {
    const { name, format } = fileParam(request.params);
    const service = await offeredService(app.platform.db, name);
    return sendDoc(reply, format, 'service_definition', serviceDefinitionDoc(service));
  });

  app.get('/requests/:file', { config, schema }, async (request, reply) => {
    const { name, format } = fileParam(request.params);
    return sendDoc(reply, format, 'service_requests', await findRequest(app.platform.db, name));
  });

  // Tracking codes are short secrets: look-ups are limited per client like the public tracking page's (PI-8).
  app.get(
    '/tokens/:file',
    { config: { ...config, rateLimit: { max: 30, timeWindow: '1 minute', keyGenerator: hashedClientKey } }, schema },
    async (request, reply) => {
      const { name, format } = fileParam(request.params);
      return sendDoc(reply, format, 'service_requests', await findToken(app.platform.db, name));
    },
  );
};
