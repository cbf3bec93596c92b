import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { FakeClock } from '../src/platform/clock.ts';
import type { Platform, SmsSender } from '../src/platform/context.ts';
import { openFreshDatabase } from './test-database.ts';

export const TEST_MASTER_KEY = 'a1'.repeat(32);

export interface SentSms {
  phone: string;
  text: string;
}

export interface TestApp {
  app: FastifyInstance;
  platform: Platform;
  database: Database;
  clock: FakeClock;
  sms: SentSms[];
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LINLI_DATA_DIR: '/tmp/linli-test-data',
    LINLI_MASTER_KEY: TEST_MASTER_KEY,
    LINLI_LOG_LEVEL: 'silent',
    ...overrides,
  });
}

/** The app on a fresh migrated database with a fake clock and a recording SMS sender. */
export async function createTestApp(
  options: { config?: Record<string, string>; extraRoutes?: (app: FastifyInstance) => void } = {},
): Promise<TestApp> {
  const database = await openFreshDatabase();
  const clock = new FakeClock();
  const sms: SentSms[] = [];
  const sender: SmsSender = {
    async send(phone, text) {
      sms.push({ phone, text });
    },
  };
  const app = await buildApp({ config: testConfig(options.config), database, clock, sms: sender, logger: false });
  options.extraRoutes?.(app);
  await app.ready();
  return {
    app,
    platform: app.platform,
    database,
    clock,
    sms,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in browser: the session cookie plus the CSRF token every write must echo. */
export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

/** `inject` as that session would send it; writes carry the CSRF header automatically. */
export function as(app: FastifyInstance, session: Session | null) {
  const call = (method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    }) as Promise<LightMyRequestResponse>;
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, body?: unknown, headers?: Record<string, string>) => call('POST', url, body ?? {}, headers),
    put: (url: string, body?: unknown, headers?: Record<string, string>) => call('PUT', url, body ?? {}, headers),
    patch: (url: string, body?: unknown, headers?: Record<string, string>) => call('PATCH', url, body ?? {}, headers),
    delete: (url: string, headers?: Record<string, string>) => call('DELETE', url, undefined, headers),
  };
}

export const errorCode = (response: LightMyRequestResponse): string | undefined =>
  (response.json() as { error?: { code?: string } }).error?.code;
