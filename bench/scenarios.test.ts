import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDataset, type Dataset, linliEnv, prepareDataset, runGenerator } from './dataset.ts';
import { closeHttpClients, httpClient, type Session } from './http-client.ts';
import { parseOptions } from './options.ts';
import { adminQuery, databaseUrlOn } from './pg-cluster.ts';
import { ensureResidentPool } from './residents.ts';
import type { BenchContext } from './scenario.ts';
import { prepareSubmissions, runSubmit } from './scenarios/s1-submit.ts';
import { runInbox } from './scenarios/s2-inbox.ts';
import { runCaseDetail } from './scenarios/s3-case-detail.ts';
import { runDashboard } from './scenarios/s4-dashboard.ts';
import { runWorkReport } from './scenarios/s5-work-report.ts';
import { runLedger } from './scenarios/s6-ledger.ts';
import { type RunningChild, startLinli } from './servers.ts';
import { demoAccount, readDemoAccounts, signInStaff } from './sessions.ts';

/*
 * Every Linli scenario, two seconds each, against a real `linli serve` on the demo county (built by the CLI, as
 * `--scale demo` does) on the database LINLI_TEST_DB names: the requests the bench sends are accepted ones.
 */

const onPostgres = process.env.LINLI_TEST_DB === 'postgres';
const RESIDENTS = 20;

let dataDir = '';
let pgServer: string | null = null;
let pgDatabase = '';
let dataset: Dataset;
let linli: RunningChild;
let ctx: BenchContext;

async function freshPostgresDatabase(): Promise<string> {
  pgServer = process.env.LINLI_TEST_PG_URL ?? null;
  if (!pgServer) throw new Error('LINLI_TEST_DB=postgres needs LINLI_TEST_PG_URL');
  pgDatabase = `bench_t_${randomBytes(5).toString('hex')}`;
  await adminQuery(pgServer, `CREATE DATABASE ${pgDatabase}`);
  return databaseUrlOn(pgServer, pgDatabase);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bench-scenarios-'));
  const databaseUrl = onPostgres ? await freshPostgresDatabase() : null;
  await runGenerator('demo', 1, linliEnv({ dataDir, databaseUrl }));
  const flags = ['--data', dataDir, '--residents', String(RESIDENTS)];
  const options = { ...parseOptions(databaseUrl ? [...flags, '--pg', '--pg-url', databaseUrl] : flags) };
  // Long enough for a first answer even on a busy machine, short enough for a test.
  options.warmupSeconds = 1;
  options.durationSeconds = 2;
  dataset = await prepareDataset(options, null);
  linli = await startLinli(dataset, null);
  const client = httpClient(linli.baseUrl);
  const accounts = readDemoAccounts(dataDir);
  const sessions = new Map<string, Promise<Session>>();
  const staff: BenchContext['staff'] = (role) => {
    const session = sessions.get(role) ?? signInStaff(client, demoAccount(accounts, role));
    sessions.set(role, session);
    return session;
  };
  ctx = { options, dataset, linli, client, staff, baseline: null, log: () => {} };
});

afterAll(async () => {
  await linli?.stop();
  closeHttpClients();
  rmSync(dataDir, { recursive: true, force: true });
  if (pgServer && pgDatabase) await adminQuery(pgServer, `DROP DATABASE IF EXISTS ${pgDatabase} WITH (FORCE)`);
});

describe(`the bench's scenarios on ${onPostgres ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('reads the size of the dataset from the database itself', async () => {
    const counts = await countDataset(dataset);
    expect(counts.cases).toBeGreaterThan(100);
    expect(counts.events).toBeGreaterThan(counts.cases);
  });

  it('S1 sends real submissions: each is answered 201 and becomes a case', async () => {
    const submissions = await prepareSubmissions(ctx);
    const before = (await countDataset(dataset)).cases;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { headers, body } = submissions.next();
      statuses.push((await ctx.client.call('POST', '/api/v1/me/civic-cases', { headers, body })).status);
    }
    expect(statuses).toEqual([201, 201, 201]);
    expect((await countDataset(dataset)).cases).toBe(before + 3);
  });

  it('S1 under load: no submission is refused and every 201 is a new case', async () => {
    const before = (await countDataset(dataset)).cases;
    const result = await runSubmit(ctx);
    const created = (result.details.statusCodes as Record<string, number>)['201'] ?? 0;
    expect(result.errors).toBe(0);
    expect(result.details.residents).toBe(RESIDENTS);
    expect(created).toBe(result.details.responses);
    expect((await countDataset(dataset)).cases - before).toBeGreaterThanOrEqual(created);
  });

  it('keeps the residents with their sessions and reuses them on the next run instead of registering again', async () => {
    const poolFile = join(dataDir, 'bench-residents.json');
    const before = JSON.parse(readFileSync(poolFile, 'utf8')) as { nextSerial: number };
    const admin = await ctx.staff('county_admin');
    const residents = await ensureResidentPool(ctx.client, admin, dataDir, RESIDENTS, () => {});
    const after = JSON.parse(readFileSync(poolFile, 'utf8')) as { nextSerial: number };
    expect(residents).toHaveLength(RESIDENTS);
    expect(after.nextSerial).toBe(before.nextSerial);
    const me = await ctx.client.get<{ roles: Array<{ role: string }> }>('/api/v1/auth/me', { session: residents[0] });
    expect(me.roles.map((r) => r.role)).toContain('resident');
  });

  it("S2 loads a page of the grid worker's inbox that holds cases", async () => {
    const result = await runInbox(ctx);
    expect(result.errors).toBe(0);
    expect(result.details.itemsOnPage).toBeGreaterThan(0);
    expect(result.requestsPerSecond).toBeGreaterThan(0);
  });

  it('S3 opens the closed case with the longest timeline', async () => {
    const result = await runCaseDetail(ctx);
    expect(result.errors).toBe(0);
    expect(result.details.events).toBeGreaterThan(3);
  });

  it('S4 loads the county dashboard for this year', async () => {
    const result = await runDashboard(ctx);
    expect(result.errors).toBe(0);
    expect(result.connections).toBe(8);
  });

  it('S5 generates and downloads the work report three times', async () => {
    const result = await runWorkReport(ctx);
    expect(result.errors).toBe(0);
    expect(String(result.details.runs).split(', ')).toHaveLength(3);
    expect(result.details.docxBytes).toBeGreaterThan(1000);
  });

  it('S6 exports a ledger holding every case of the county', async () => {
    const result = await runLedger(ctx);
    expect(result.errors).toBe(0);
    expect(result.details.rows).toBe((await countDataset(dataset)).cases);
    expect(result.peakRssMb).toBeGreaterThan(0);
  });
});
