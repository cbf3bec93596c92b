/**
 * `npm run bench`: builds or reuses the county dataset, starts Linli and a bare Fastify baseline as child
 * processes, drives them with autocannon over loopback, prints the table and writes bench/results/. See
 * bench/README.md for the options and how to read the figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ProfileLine, readProfileDir, summariseProfile } from './cpu-profile.ts';
import { countDataset, type Dataset, type DatasetCounts, prepareDataset } from './dataset.ts';
import { closeHttpClients, httpClient, type Session } from './http-client.ts';
import { describeMachine, type Machine } from './machine.ts';
import { type BenchOptions, OptionsError, parseOptions, type ScenarioId, scenariosToRun, USAGE } from './options.ts';
import { type PgCluster, startThrowawayCluster } from './pg-cluster.ts';
import { type BenchReport, formatComparison, formatReport, judgeAll, newestReport, saveReport } from './report.ts';
import { type BenchContext, failedResult, type ScenarioResult } from './scenario.ts';
import { LINLI_SCENARIOS } from './scenarios/index.ts';
import { runBaseline } from './scenarios/s0-baseline.ts';
import { type RunningChild, startBaseline, startLinli, stopAllChildren } from './servers.ts';
import { demoAccount, readDemoAccounts, signInStaff } from './sessions.ts';

/** How long a scenario waits for Linli to go quiet after the one before (a backlog of abandoned requests). */
const SETTLE_MAX_SECONDS = 900;

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const describeLinli = (dataset: Dataset): string =>
  'linli serve, NODE_ENV unset (development: production demands TLS), LINLI_LOG_LEVEL=warn, ' +
  (dataset.databaseUrl ? 'PostgreSQL (fsync and synchronous_commit on)' : 'SQLite (WAL, synchronous=FULL)');

function summaryLine(result: ScenarioResult): string {
  if (result.details.error) return `  ${result.id} failed: ${String(result.details.error)}`;
  const rate = result.requestsPerSecond === null ? '' : `${Math.round(result.requestsPerSecond)} req/s, `;
  const p99 = result.p99Ms === null ? '' : `p99 ${result.p99Ms} ms, `;
  const time = result.requestsPerSecond === null ? `${result.seconds?.toFixed(2)} s, ` : '';
  return `  ${result.id}: ${rate}${p99}${time}${result.errors} errors, peak RSS ${result.peakRssMb} MB`;
}

/** Signs each staff role in once, on first use. */
function staffSessions(dataset: Dataset, client: ReturnType<typeof httpClient>): BenchContext['staff'] {
  const accounts = readDemoAccounts(dataset.dataDir);
  const sessions = new Map<string, Promise<Session>>();
  return (role) => {
    const existing = sessions.get(role);
    if (existing) return existing;
    const started = signInStaff(client, demoAccount(accounts, role));
    sessions.set(role, started);
    return started;
  };
}

async function runScenarios(options: BenchOptions, dataset: Dataset, linli: RunningChild): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  const toRun = scenariosToRun(options.only);
  const client = httpClient(linli.baseUrl);
  const ctx: BenchContext = {
    options,
    dataset,
    linli,
    client,
    staff: staffSessions(dataset, client),
    baseline: null,
    log,
  };
  if (toRun.includes('S0')) {
    // Linli idles meanwhile, but its start-up work must be over first: S0 gets the machine to itself.
    await linli.settle(SETTLE_MAX_SECONDS);
    log('S0 bare Fastify baseline…');
    const baseline = await startBaseline();
    try {
      ctx.baseline = await runBaseline(baseline, options);
      results.push(ctx.baseline);
      log(summaryLine(ctx.baseline));
    } finally {
      await baseline.stop();
    }
  }
  for (const id of toRun) {
    if (id === 'S0') continue;
    const waited = await linli.settle(SETTLE_MAX_SECONDS);
    log(`${id}…${waited > 3 ? ` (after ${waited} s waiting for Linli to finish the last scenario's requests)` : ''}`);
    const result = await LINLI_SCENARIOS[id](ctx).catch((error: unknown) => failedResult(id, error));
    if (waited > 3) result.details.settledAfterSeconds = waited;
    results.push(result);
    log(summaryLine(result));
  }
  return results;
}

/** Lines of the profile per Linli scenario, cut to the time it was measured; null (and why) without a profile. */
function profilesByScenario(dir: string, results: ScenarioResult[]): Partial<Record<ScenarioId, ProfileLine[]>> | null {
  let profile: ReturnType<typeof readProfileDir>;
  try {
    profile = readProfileDir(dir);
  } catch (error) {
    log(`No CPU profile: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const byScenario: Partial<Record<ScenarioId, ProfileLine[]>> = {};
  for (const result of results) {
    if (result.id !== 'S0' && result.windowUs) byScenario[result.id] = summariseProfile(profile, 15, result.windowUs);
  }
  return byScenario;
}

function buildReport(
  options: BenchOptions,
  dataset: Dataset,
  counts: DatasetCounts,
  machine: Machine,
  results: ScenarioResult[],
  profiles: BenchReport['profiles'],
): BenchReport {
  return {
    date: new Date().toISOString(),
    dialect: dataset.dialect,
    machine,
    dataset: {
      dir: dataset.dataDir,
      scale: dataset.marker?.scale ?? null,
      seed: dataset.marker?.seed ?? null,
      ...counts,
      builtNow: dataset.builtNow,
      buildSeconds: dataset.marker?.buildSeconds ?? null,
    },
    linli: describeLinli(dataset),
    settings: {
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      only: options.only,
      cpuProfile: options.cpuProfile,
    },
    scenarios: judgeAll(results),
    profiles,
  };
}

async function main(options: BenchOptions): Promise<void> {
  let cluster: PgCluster | null = null;
  const profileDir = options.cpuProfile ? mkdtempSync(join(tmpdir(), 'linli-bench-prof-')) : null;
  const cleanUp = async () => {
    const pg = cluster;
    cluster = null;
    await stopAllChildren();
    await pg?.stop();
    closeHttpClients();
  };
  // Ctrl-C must not leave Linli or a throwaway cluster behind.
  const onInterrupt = () => void cleanUp().finally(() => process.exit(130));
  process.once('SIGINT', onInterrupt);
  try {
    if (options.pg && !options.pgUrl) {
      log('Starting a throwaway PostgreSQL cluster…');
      cluster = await startThrowawayCluster();
    }
    const pgServer = options.pg ? (options.dataDir ? null : (options.pgUrl ?? cluster?.serverUrl ?? null)) : null;
    const dataset = await prepareDataset(options, pgServer);
    const counts = await countDataset(dataset);
    const machine = describeMachine(dataset.dataDir);
    log(`Starting Linli on ${dataset.dataDir}…`);
    const linli = await startLinli(dataset, profileDir);
    const results = await runScenarios(options, dataset, linli);
    // Linli writes its CPU profile as it exits.
    await linli.stop();
    const profiles = profileDir ? profilesByScenario(profileDir, results) : null;
    const report = buildReport(options, dataset, counts, machine, results, profiles);
    log(formatReport(report));
    log(`\nWritten: bench/results/latest.json and ${saveReport(report)}`);
    const other = newestReport(dataset.dialect === 'sqlite' ? 'postgres' : 'sqlite', report.dataset);
    if (other) log(formatComparison(report, other.report, other.file));
  } finally {
    process.off('SIGINT', onInterrupt);
    await cleanUp();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  }
}

try {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    log(USAGE);
  } else {
    await main(options);
  }
} catch (error) {
  const text =
    error instanceof OptionsError ? `${error.message}\n\n${USAGE}` : error instanceof Error ? error.stack : error;
  process.stderr.write(`${String(text)}\n`);
  process.exitCode = error instanceof OptionsError ? 2 : 1;
}
