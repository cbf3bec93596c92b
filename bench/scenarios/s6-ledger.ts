import type { CivicCaseSummary, CreateLedgerExportBody, LedgerExport, Page } from '@linli/contracts';
import type { HttpClient, Session } from '../http-client.ts';
import { monotonicUs } from '../load.ts';
import { wholePeriod } from '../periods.ts';
import { type BenchContext, mb, SCENARIO_TITLES, type ScenarioResult } from '../scenario.ts';
import { isZip } from './s5-work-report.ts';

/** The console's export page polls about this often. */
const POLL_MS = 500;
/** Ten times the target: a stuck job ends the scenario rather than the bench hanging. */
const GIVE_UP_MS = 600_000;
const PROGRESS_EVERY_MS = 5_000;

async function caseAt(client: HttpClient, admin: Session, order: 'asc' | 'desc'): Promise<Date> {
  const page = await client.get<Page<CivicCaseSummary>>(`/api/v1/civic-cases?sort=created&order=${order}&limit=1`, {
    session: admin,
  });
  const found = page.items[0];
  if (!found) throw new Error('the county has no 民情 cases');
  return new Date(found.createdAt);
}

async function waitUntilWritten(ctx: BenchContext, admin: Session, id: string): Promise<LedgerExport> {
  const deadline = Date.now() + GIVE_UP_MS;
  let lastReport = Date.now();
  for (;;) {
    const job = await ctx.client.get<LedgerExport>(`/api/v1/ledger-exports/${id}`, { session: admin });
    if (job.status !== 'queued' && job.status !== 'running') return job;
    if (Date.now() > deadline) throw new Error(`the export was still ${job.status} after ${GIVE_UP_MS / 1000} s`);
    if (Date.now() - lastReport >= PROGRESS_EVERY_MS) {
      ctx.log(`  S6: ${job.status}, ${job.rowsDone.toLocaleString('en')} of ${job.rowsTotal ?? '?'} rows`);
      lastReport = Date.now();
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/**
 * S6: the 民情 ledger of the whole county over every year the data holds (Linli accepts five at most) — requested,
 * its progress polled until the job has written the xlsx, and the file downloaded — timed end to end, with
 * Linli's peak resident memory over all of it (the sheet must be streamed, not built in memory).
 */
export async function runLedger(ctx: BenchContext): Promise<ScenarioResult> {
  const admin = await ctx.staff('county_admin');
  const period = wholePeriod(await caseAt(ctx.client, admin, 'asc'), await caseAt(ctx.client, admin, 'desc'));
  const body: CreateLedgerExportBody = { kind: 'civic_cases', ...period };
  const rssAtStartMb = mb(ctx.linli.memory.currentBytes());
  ctx.linli.memory.reset();
  const started = performance.now();
  const startUs = monotonicUs();
  let error: string | null = null;
  let rows: number | null = null;
  let bytes = 0;
  try {
    const queued = await ctx.client.json<LedgerExport>('POST', '/api/v1/ledger-exports', { session: admin, body });
    const written = await waitUntilWritten(ctx, admin, queued.id);
    if (written.status !== 'done' || !written.downloadUrl)
      throw new Error(`export ${written.status}: ${written.error}`);
    rows = written.rowsTotal;
    const file = await ctx.client.call('GET', written.downloadUrl, { session: admin });
    if (file.status !== 200 || !isZip(file.body)) throw new Error(`download answered ${file.status}`);
    bytes = file.body.length;
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    id: 'S6',
    title: SCENARIO_TITLES.S6,
    connections: 1,
    requestsPerSecond: null,
    p50Ms: null,
    p99Ms: null,
    errors: error ? 1 : 0,
    seconds,
    peakRssMb: mb(ctx.linli.memory.peakBytes()),
    windowUs: [startUs, monotonicUs()],
    details: {
      request: 'POST /api/v1/ledger-exports, poll GET /api/v1/ledger-exports/:id, GET its file',
      rssAtStartMb,
      period: `${period.from}..${period.to}`,
      rows,
      fileMb: mb(bytes),
      error,
    },
  };
}
