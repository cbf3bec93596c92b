import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import {
  civicCaseFileOwners,
  civicCasesPublicRoutes,
  civicCasesRoutes,
  open311Routes,
  sendOpen311RouterError,
} from './modules/civic-cases/index.ts';
import { membersFileOwners, membersPublicRoutes, membersRoutes } from './modules/members/index.ts';
import { organisationRoutes, organisationScopeResolver } from './modules/organisation/index.ts';
import { reportsRoutes } from './modules/reports/index.ts';
import { residentsRoutes } from './modules/residents/index.ts';
import { accessRoutes } from './platform/access/index.ts';
import { auditRoutes } from './platform/audit/index.ts';
import { authRoutes } from './platform/auth/index.ts';
import { loggingSmsSender } from './platform/auth/sms.ts';
import { calendarRoutes } from './platform/calendar/calendar.routes.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Platform, SmsSender } from './platform/context.ts';
import { createBlindIndex, createFieldCipher, createKeyRing, loadMasterKey } from './platform/crypto/index.ts';
import { installErrorHandler, sendRouterError } from './platform/errors/error-handler.ts';
import { filesRoutes } from './platform/files/files.routes.ts';
import { installHealth } from './platform/http/health.routes.ts';
import { installIdempotency } from './platform/http/idempotency.ts';
import { installRequestContext } from './platform/http/request-context.ts';
import { installSecurityHeaders } from './platform/http/security-headers.ts';
import { installFrontEnds } from './platform/http/static-apps.ts';
import { installTextInputRules } from './platform/http/text-input.ts';
import { MAX_UPLOAD_BYTES } from './platform/http/uploads.ts';
import { notificationRoutes } from './platform/notify/notify.routes.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface BuildOptions {
  config: Config;
  database: Database;
  clock?: Clock;
  sms?: SmsSender;
  /** Serve the built console and H5 (off in route tests). */
  serveFrontEnds?: boolean;
  logger?: boolean;
  /** Where log lines go instead of stdout (tests scan them for secrets and PII, SEC-15). */
  logStream?: { write(line: string): void };
  /** Sees every route as it is added (the route-table checks use it). */
  onRoute?: (route: RouteOptions) => void;
}

/** Never log credentials, tokens or PII-bearing headers (SEC-15). */
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: config.logLevel, redact: REDACT, ...(options.logStream ? { stream: options.logStream } : {}) },
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: (error, request, reply) =>
      request.url.startsWith('/open311/v2/')
        ? sendOpen311RouterError(request, reply)
        : sendRouterError(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const keys = createKeyRing(loadMasterKey(config.dataDir, config.masterKeyHex));
  const platform: Platform = {
    config,
    database,
    db: database.db,
    dialect: database.dialect,
    clock: options.clock ?? systemClock,
    keys,
    cipher: createFieldCipher(keys, config.cryptoProfile),
    blindIndex: createBlindIndex(keys, config.cryptoProfile),
    sms: options.sms ?? loggingSmsSender(app.log),
    scopes: organisationScopeResolver,
    log: app.log,
  };

  installErrorHandler(app);
  installTextInputRules(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  // One file per upload request (photos, spreadsheets); each route checks its own size and type from the bytes.
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await installSecurityHeaders(app, config.tls);
  await app.register(swagger, {
    openapi: { info: { title: 'Linli 邻里 API', version: '1' }, servers: [] },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  installRequestContext(app, platform);
  installIdempotency(app, platform);
  installHealth(app, platform);

  await app.register(authRoutes, { prefix: '/api/v1' });
  await app.register(accessRoutes, { prefix: '/api/v1' });
  await app.register(auditRoutes, { prefix: '/api/v1' });
  await app.register(organisationRoutes, { prefix: '/api/v1' });
  await app.register(residentsRoutes, { prefix: '/api/v1' });
  await app.register(membersRoutes, { prefix: '/api/v1' });
  await app.register(membersPublicRoutes, { prefix: '/api/v1' });
  await app.register(calendarRoutes, { prefix: '/api/v1' });
  await app.register(notificationRoutes, { prefix: '/api/v1' });
  await app.register(civicCasesRoutes, { prefix: '/api/v1' });
  await app.register(civicCasesPublicRoutes, { prefix: '/api/v1' });
  await app.register(reportsRoutes, { prefix: '/api/v1' });
  await app.register(open311Routes, { prefix: '/open311/v2' });
  await app.register(filesRoutes, { prefix: '/api/v1', owners: { ...membersFileOwners, ...civicCaseFileOwners } });

  if (options.serveFrontEnds) {
    await installFrontEnds(app, {
      admin: resolve(repoRoot, 'apps/admin/dist'),
      mobile: resolve(repoRoot, 'apps/mobile/dist'),
    });
  }
  return app;
}
