import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { FakeClock } from '../../src/platform/clock.ts';
import type { SentSms, TestApp } from '../harness.ts';
import { testConfig } from '../harness.ts';
import { openFreshDatabase, testDialect } from '../test-database.ts';
import {
  EXPECTED_FILE,
  type Expected,
  NO_SIDE,
  readExpected,
  rowKey,
  writeExpected,
} from './authorisation-expected.ts';
import { baseRoute, NAMES_OTHER_SIDE, PUBLIC_ROUTES, REQUESTS } from './authorisation-requests.ts';
import { type MatrixRun, runMatrix } from './authorisation-run.ts';
import { ACTOR_SPECS, ANONYMOUS, buildWorld, type World } from './authorisation-world.ts';

/**
 * SEC-7 … SEC-11 over the whole API: every route of the route table × every role × an object in scope and one
 * out of scope, answered as `authorisation-matrix.expected.md` says. The matrix is generated from the route table
 * (`buildApp({ onRoute })`), so a new route without rows there, or without a request builder, fails the build.
 * With `LINLI_WRITE_MATRIX=1` the run writes the file from what it observed instead of comparing (then review it).
 */
const isWriting = process.env.LINLI_WRITE_MATRIX === '1';
const ACTORS = [...ACTOR_SPECS.map((s) => s.key), ANONYMOUS];
const SCOPED_TO_A = new Set(ACTOR_SPECS.filter((s) => s.at !== 'county').map((s) => s.key));

/**
 * `npm run test:reliability` (LINLI_RELIABILITY=full) and a rewrite run every cell. The fast variant in `npm test`
 * runs every route with the anonymous row and two actors, rotating from route to route so each actor meets about
 * thirty routes: every denial is audited (SEC-14), one fsync'd commit each on PostgreSQL, and the whole matrix
 * takes minutes there. A cell's answer does not depend on which cells ran before it (consumed objects are fresh
 * per cell; checked by running the matrix in reverse order), so a sample is compared to the same expected rows.
 */
const isFull = isWriting || process.env.LINLI_RELIABILITY === 'full';
const FAST_ACTORS_PER_ROUTE = 2;
const isSampled = (routeIndex: number, actorIndex: number): boolean => {
  if (isFull || ACTORS[actorIndex] === ANONYMOUS) return true;
  const first = (routeIndex * FAST_ACTORS_PER_ROUTE) % ACTOR_SPECS.length;
  return (actorIndex - first + ACTOR_SPECS.length) % ACTOR_SPECS.length < FAST_ACTORS_PER_ROUTE;
};

const noExpectations = (): Expected => ({ rows: new Map(), findings: new Map() });

describe('authorisation matrix: every route × role × side (SEC-7 … SEC-11)', () => {
  const routeKeys: string[] = [];
  let t: TestApp;
  let world: World;
  let run: MatrixRun;

  beforeAll(async () => {
    const database = await openFreshDatabase();
    const clock = new FakeClock();
    const sms: SentSms[] = [];
    const config = testConfig({ LINLI_DATA_DIR: mkdtempSync(join(tmpdir(), 'linli-authz-')) });
    const onRoute = (route: RouteOptions) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') routeKeys.push(`${method} ${route.url}`);
    };
    const sender = { send: async (phone: string, text: string) => void sms.push({ phone, text }) };
    const app = await buildApp({ config, database, clock, sms: sender, logger: false, onRoute });
    await app.ready();
    const close = async () => {
      await app.close();
      await database.close();
    };
    t = { app, platform: app.platform, database, clock, sms, close };
    const started = Date.now();
    world = await buildWorld(t);
    console.log(`authorisation matrix: world built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 120_000);
  afterAll(() => t?.close());

  it('has a request builder for every route, and none for a route that is gone', () => {
    const built = new Set(Object.keys(REQUESTS).map(baseRoute));
    expect(routeKeys.filter((r) => !built.has(r)).sort(), 'routes without a builder').toEqual([]);
    expect([...built].filter((r) => !routeKeys.includes(r)).sort(), 'builders of no route').toEqual([]);
  });

  it('has expected rows for every route and actor, and none for a route that is gone', () => {
    const { rows, findings } = isWriting && !existsSync(EXPECTED_FILE) ? noExpectations() : readExpected();
    const keys = Object.keys(REQUESTS);
    const missing = keys.flatMap((k) => ACTORS.filter((a) => !rows.has(rowKey(k, a))).map((a) => `${k} × ${a}`));
    expect(isWriting ? [] : missing, `rows missing from ${EXPECTED_FILE}`).toEqual([]);
    const stale = [...rows.values(), ...findings.values()].filter(
      (r) => !keys.includes(r.route) || !ACTORS.includes(r.actor),
    );
    expect(
      stale.map((r) => `${r.route} × ${r.actor}`),
      'rows of routes or actors that are gone',
    ).toEqual([]);
  });

  it('answers every cell as the expected table says', async () => {
    const started = Date.now();
    const expected = isWriting && !existsSync(EXPECTED_FILE) ? noExpectations() : readExpected();
    run = await runMatrix(world, REQUESTS, { actors: ACTORS, scopedToA: SCOPED_TO_A, expected, isSampled });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const counts = ACTORS.map((a) => `${a} ${run.allowCounts.get(a) ?? 0}`).join(', ');
    console.log(
      `authorisation matrix (${testDialect()}, ${isFull ? 'full' : 'fast'}): ${run.cells} cells in ${seconds} s; ` +
        `${run.tolerated.length} open-finding cells as listed; allow per actor: ${counts}`,
    );
    for (const cell of run.tolerated) console.log(`open finding: ${cell}`);
    if (isWriting) {
      const unscoped = new Map(
        Object.entries(REQUESTS)
          .filter(([, e]) => e.scope === 'unscoped')
          .map(([k, e]) => [k, e.why ?? ''] as const),
      );
      writeExpected(run.written, run.keptFindings, unscoped);
      return expect(run.written.length).toBe(Object.keys(REQUESTS).length * ACTORS.length);
    }
    expect(run.mismatches).toEqual([]);
  }, 900_000);

  it('never lets a builder fail validation or the server fail (no invalid or error cells)', () => {
    const broken = run.observed.flatMap((r) =>
      [r.in, r.out].filter((c) => /^(invalid|error)/.test(c)).map((c) => `${r.route} × ${r.actor}: ${c}`),
    );
    expect(broken).toEqual([]);
  });

  it('answers 401 without a session on every route that is not public', () => {
    const anonymous = run.observed.filter((r) => r.actor === ANONYMOUS);
    expect(anonymous.length).toBe(Object.keys(REQUESTS).length);
    const open = anonymous.filter(
      (r) => !(baseRoute(r.route) in PUBLIC_ROUTES) && [r.in, r.out].some((c) => c !== 'deny (401)' && c !== NO_SIDE),
    );
    expect(open.map((r) => `${r.route}: ${r.in} / ${r.out}`)).toEqual([]);
    const stalePublic = Object.keys(PUBLIC_ROUTES).filter((r) => !routeKeys.includes(r));
    expect(stalePublic).toEqual([]);
  });

  it('never names a side-B object to an actor scoped to side A, outside the routes listed with their reason', () => {
    const unlisted = run.namingOtherSide.filter((cell) => !((cell.split(' × ')[0] ?? '') in NAMES_OTHER_SIDE));
    expect(unlisted).toEqual([]);
  });
});
