/**
 * 民情 at county scale (issues 4 and 5): how long the county's metrics, a grid worker's inbox, the cockpit and the
 * work report take on 200,000 cases over a year in 30 compounds. Not a test: timings depend on the machine. Run on SQLite (a temp
 * file, like production) with
 *   npx tsx apps/server/test/civic-metrics.measure.ts
 * It builds 3 towns × 5 communities × 2 compounds (each with a grid, a branch and a property company), inserts
 * the cases with their fact columns and event logs in batches inside transactions and rebuilds the 民情 tally from
 * them, prints the query plans of the index query and of the tally read, then times 50 runs of each request over
 * HTTP (session and scope checks included): p50 and p99.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery } from 'kysely';
import { buildApp } from '../src/app.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { tallyQuery } from '../src/modules/civic-cases/metrics/civic-tally.read.ts';
import { countsQuery } from '../src/modules/civic-cases/metrics/metrics.repository.ts';
import { loadMetricSettings } from '../src/modules/civic-cases/settings/metric-settings.repository.ts';
import { FakeClock } from '../src/platform/clock.ts';
import { pathStartsWith } from '../src/platform/sql-helpers.ts';
import { buildPlaces, insertCases, type Place } from './civic-metrics.measure-data.ts';
import { assignRole, buildCounty, createUser, sessionFor } from './factories.ts';
import { as, testConfig } from './harness.ts';

const CASES = 200_000;
const RUNS = 50;

const dir = mkdtempSync(join(tmpdir(), 'linli-civic-bench-'));
const database = await openDatabase({ dialect: 'sqlite', path: join(dir, 'bench.db') });
await migrateToLatest(database);
const clock = new FakeClock('2026-12-31T02:00:00.000Z');
const app = await buildApp({ config: testConfig(), database, clock, logger: false });
await app.ready();
const platform = app.platform;

const county = await buildCounty(platform);
const places = await buildPlaces(platform, clock, county.county);

// A large page cache for the bulk load only; the timings below run with the production default again.
await platform.db.executeQuery(CompiledQuery.raw('PRAGMA cache_size = -262144'));
const started = performance.now();
const loaded = await insertCases(platform, places, CASES);
console.log(
  `inserted ${CASES} cases and ${loaded.events} events: ${Math.round(performance.now() - started)} ms ` +
    `(the tally rebuilt in ${loaded.rebuildMs} ms)`,
);
await platform.db.executeQuery(CompiledQuery.raw('ANALYZE'));
await platform.db.executeQuery(CompiledQuery.raw('PRAGMA cache_size = -2000'));

// The plans of the county-wide, year-long counts: the index query (the reference) and the tally read.
const { settings } = await loadMetricSettings(platform.db);
const year = { from: '2026-01-01', to: '2026-12-31' };
async function printPlan(label: string, query: { compile(db: typeof platform.db): CompiledQuery }): Promise<void> {
  const compiled = query.compile(platform.db);
  const plan = await platform.db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]),
  );
  console.log(`plan of ${label}:\n  ${plan.rows.map((r) => r.detail).join('\n  ')}`);
}
await printPlan(
  'the county counts index query',
  countsQuery('sqlite', {
    scope: pathStartsWith('c.path', county.county.path),
    period: year,
    settings,
    grouping: 'none',
  }),
);
await printPlan(
  'the county tally read by month and category',
  tallyQuery({ scopePath: county.county.path, period: year, settings, by: ['month', 'category'] }),
);
const tallyRows = await platform.db
  .selectFrom('civic_case_tally')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
console.log(`civic_case_tally: ${tallyRows.n} rows`);

const admin = await createUser(platform);
await assignRole(platform, admin.id, 'county_admin', county.county);
const worker = await createUser(platform);
const home = places[0] as Place;
await assignRole(platform, worker.id, 'grid_worker', home.grid);
const sessions = { admin: await sessionFor(platform, admin.id), worker: await sessionFor(platform, worker.id) };

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function time(
  label: string,
  run: () => Promise<{ statusCode: number; body: string }>,
  runs = RUNS,
): Promise<void> {
  const first = await run();
  if (first.statusCode !== 200) {
    console.log(`${label}: HTTP ${first.statusCode}, not timed (${first.body.slice(0, 120)})`);
    return;
  }
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const response = await run();
    ms.push(performance.now() - t0);
    if (response.statusCode !== 200) throw new Error(`${label}: HTTP ${response.statusCode}`);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${label}: p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms (${runs} runs)`,
  );
}

const adminClient = as(app, sessions.admin);
const workerClient = as(app, sessions.worker);
const yearMetrics = await adminClient.get('/api/v1/civic-metrics?from=2026-01-01&to=2026-12-31');
const yearBody = yearMetrics.json() as { counts: Record<string, number>; rates: Record<string, unknown> };
console.log('county, 2026:', JSON.stringify(yearBody.counts), JSON.stringify(yearBody.rates));

await time('GET /civic-metrics county, the year', () =>
  adminClient.get('/api/v1/civic-metrics?from=2026-01-01&to=2026-12-31'),
);
await time('GET /civic-metrics county, November', () =>
  adminClient.get('/api/v1/civic-metrics?from=2026-11-01&to=2026-11-30'),
);
await time('GET /civic-metrics one compound, the year', () =>
  adminClient.get(`/api/v1/civic-metrics?compoundId=${home.compound.id}&from=2026-01-01&to=2026-12-31`),
);
await time('GET /civic-rankings county, compounds, November', () =>
  adminClient.get('/api/v1/civic-rankings?level=compound&month=2026-11'),
);
await time('GET /civic-rankings county, units, November', () =>
  adminClient.get('/api/v1/civic-rankings?level=unit&month=2026-11'),
);
await time('GET /civic-cases grid worker inbox, first page by deadline', () =>
  workerClient.get('/api/v1/civic-cases?view=inbox&sort=deadline&order=asc'),
);

await time('GET /dashboard county, the year', () => adminClient.get('/api/v1/dashboard?from=2026-01-01&to=2026-12-31'));
await time('GET /dashboard county, November', () => adminClient.get('/api/v1/dashboard?from=2026-11-01&to=2026-11-30'));
await time('GET /dashboard one compound, the year', () =>
  adminClient.get(`/api/v1/dashboard?compoundId=${home.compound.id}&from=2026-01-01&to=2026-12-31`),
);
// The work report writes a document each time: fewer runs, and its status is 201.
const reportStarted = performance.now();
const report = await adminClient.post('/api/v1/work-reports', { from: '2026-01-01', to: '2026-12-31' });
console.log(
  `POST /work-reports county, the year: HTTP ${report.statusCode} in ${Math.round(performance.now() - reportStarted)} ms`,
);

await app.close();
await database.close();
rmSync(dir, { recursive: true, force: true });
