import type { Dataset } from './dataset.ts';
import type { HttpClient, Session } from './http-client.ts';
import { type LoadResult, runLoad } from './load.ts';
import type { BenchOptions, ScenarioId } from './options.ts';
import type { RunningChild } from './servers.ts';

/** What every scenario reports; the table and latest.json are made of these. */
export interface ScenarioResult {
  id: ScenarioId;
  title: string;
  connections: number;
  /** Load scenarios only; S5 and S6 are timed end to end instead. */
  requestsPerSecond: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  errors: number;
  /** Wall-clock seconds: S5's slowest run, S6's whole export. */
  seconds: number | null;
  /** The peak resident memory of the server under test during the measured part. */
  peakRssMb: number | null;
  /** The measured part on the monotonic clock, to cut Linli's CPU profile per scenario; null if it never ran. */
  windowUs: [number, number] | null;
  /** What exactly ran, for reading the figures: the request, the filter picked, the runs, rows and bytes… */
  details: Record<string, unknown>;
}

/** A scenario that could not run (no case to open, a failed sign-in…): one error, the reason in its details. */
export const failedResult = (id: ScenarioId, error: unknown): ScenarioResult => ({
  id,
  title: SCENARIO_TITLES[id],
  connections: 0,
  requestsPerSecond: null,
  p50Ms: null,
  p99Ms: null,
  errors: 1,
  seconds: null,
  peakRssMb: null,
  windowUs: null,
  details: { error: error instanceof Error ? error.message : String(error) },
});

/** The server under test, signed-in staff (made on first use) and the run's settings. */
export interface BenchContext {
  options: BenchOptions;
  dataset: Dataset;
  linli: RunningChild;
  client: HttpClient;
  staff(role: 'county_admin' | 'grid_worker'): Promise<Session>;
  /** S0's result once it ran: S1 sizes its resident pool from it. */
  baseline: ScenarioResult | null;
  log(line: string): void;
}

/** What each scenario measures, as the table names it. */
export const SCENARIO_TITLES = {
  S0: 'bare Fastify JSON POST',
  S1: 'resident submits a 民情 case',
  S2: "grid worker's inbox",
  S3: 'case detail with its timeline',
  S4: 'county dashboard',
  S5: 'county work report, one year (docx)',
  S6: '民情 ledger, all cases (xlsx)',
} as const satisfies Record<ScenarioId, string>;

export const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** A load scenario's result from its autocannon run. */
export const fromLoad = (id: ScenarioId, load: LoadResult, details: Record<string, unknown>): ScenarioResult => ({
  id,
  title: SCENARIO_TITLES[id],
  connections: load.connections,
  requestsPerSecond: load.requestsPerSecond,
  p50Ms: load.p50Ms,
  p99Ms: load.p99Ms,
  errors: load.errors,
  seconds: load.seconds,
  peakRssMb: mb(load.peakRssBytes),
  windowUs: load.windowUs,
  details: {
    ...details,
    ...(load.timeouts > 0 ? { timeouts: load.timeouts } : {}),
    statusCodes: load.statusCodes,
    responses: load.responses,
    memory: load.memoryMethod,
  },
});

/** The run's warm-up and measured load of one GET, made over and over by `connections` clients as one session. */
export const loadGet = (ctx: BenchContext, path: string, session: Session, connections: number): Promise<LoadResult> =>
  runLoad({
    server: ctx.linli,
    connections,
    warmupSeconds: ctx.options.warmupSeconds,
    durationSeconds: ctx.options.durationSeconds,
    requests: [{ method: 'GET', path, headers: { cookie: session.cookie } }],
  });
