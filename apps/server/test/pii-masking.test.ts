import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { seedDemoIfEmpty } from '../src/demo/index.ts';
import { sessionFor } from './factories.ts';
import { as, type Session, testConfig } from './harness.ts';
import { openFreshDatabase } from './test-database.ts';

/** PI-3: a full ID number or mobile number, not part of a longer run of digits (ids and codes are stripped first). */
const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/;
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Answers that are not text (downloads of stored files and generated documents). */
const BINARY = /\/(files\/:id|documents\/:id\/file)$/;

/**
 * PI-3 across the whole API: on the demo county, every GET route answers every role with masked personal data
 * only. Routes with an `:id` are called with the first item their list route returned to that role, so each role
 * sees the objects it may see. Generated from the route table: a new GET route is scanned without a new test.
 */
describe('no unmasked ID or mobile number in any GET answer (PI-3)', () => {
  const routes: RouteOptions[] = [];
  let app: Awaited<ReturnType<typeof buildApp>>;
  let close: () => Promise<void>;
  const sessions = new Map<string, Session>();

  beforeAll(async () => {
    const database = await openFreshDatabase();
    const config = testConfig({ LINLI_DATA_DIR: mkdtempSync(join(tmpdir(), 'linli-pii-')) });
    app = await buildApp({ config, database, logger: false, onRoute: (route) => routes.push(route) });
    await app.ready();
    close = async () => {
      await app.close();
      await database.close();
    };
    const demo = await seedDemoIfEmpty(app.platform);
    for (const account of demo.accounts) {
      const user = await app.platform.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', account.username)
        .executeTakeFirstOrThrow();
      sessions.set(account.role, await sessionFor(app.platform, user.id));
    }
  }, 180_000);
  afterAll(() => close());

  const getRoutes = () =>
    routes
      .filter((r) => r.url.startsWith('/api/v1/') && (Array.isArray(r.method) ? r.method : [r.method]).includes('GET'))
      .map((r) => r.url)
      .filter((url) => !BINARY.test(url))
      .sort((a, b) => a.split(':').length - b.split(':').length || a.localeCompare(b));

  it('scans every GET route for every role of the demo county', async () => {
    expect(sessions.size).toBeGreaterThanOrEqual(13);
    const leaks: string[] = [];
    let scanned = 0;
    for (const [role, session] of sessions) {
      const firstIds = new Map<string, string>();
      for (const url of getRoutes()) {
        const base = url.replace(/\/:id(\/.*)?$/, '');
        const id = url.includes(':id') ? firstIds.get(base) : undefined;
        if (url.includes(':') && (!id || url.split(':').length > 2)) continue;
        const res = await as(app, session).get(url.replace(':id', id ?? ''));
        const body = res.body.replace(UUID, '');
        scanned += 1;
        if (ID_NUMBER.test(body) || PHONE.test(body)) leaks.push(`${role} GET ${url} → ${res.statusCode}`);
        if (res.statusCode === 200 && String(res.headers['content-type'] ?? '').includes('json')) {
          const first = (res.json() as { items?: Array<{ id?: string }> }).items?.[0]?.id;
          if (first) firstIds.set(url, first);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(scanned).toBeGreaterThan(13 * 20);
  }, 180_000);
});
