import { BUILTIN_TEMPLATE_ID, type GenerateWorkReportBody, type WorkReport } from '@linli/contracts';
import { monotonicUs } from '../load.ts';
import { lastYear } from '../periods.ts';
import { type BenchContext, mb, SCENARIO_TITLES, type ScenarioResult } from '../scenario.ts';

const RUNS = 3;

/** A docx (like any OOXML file) is a zip: it starts with `PK`. */
export const isZip = (body: Buffer): boolean => body.length > 4 && body.subarray(0, 2).toString('latin1') === 'PK';

interface Run {
  seconds: number;
  bytes: number;
  error: string | null;
}

async function generateOnce(ctx: BenchContext, body: GenerateWorkReportBody): Promise<Run> {
  const admin = await ctx.staff('county_admin');
  const started = performance.now();
  try {
    const report = await ctx.client.json<WorkReport>('POST', '/api/v1/work-reports', { session: admin, body });
    const file = await ctx.client.call('GET', report.downloadUrl, { session: admin });
    if (file.status !== 200 || !isZip(file.body)) throw new Error(`download answered ${file.status}`);
    return { seconds: (performance.now() - started) / 1000, bytes: file.body.length, error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { seconds: (performance.now() - started) / 1000, bytes: 0, error: message };
  }
}

/**
 * S5: the county's work report (工作汇报) for the last full calendar year, generated and downloaded as the console
 * does it, timed end to end; three runs one after another, judged by the slowest.
 */
export async function runWorkReport(ctx: BenchContext): Promise<ScenarioResult> {
  const body: GenerateWorkReportBody = { templateId: BUILTIN_TEMPLATE_ID, ...lastYear(new Date()) };
  const rssAtStartMb = mb(ctx.linli.memory.currentBytes());
  ctx.linli.memory.reset();
  const runs: Run[] = [];
  const startUs = monotonicUs();
  for (let i = 0; i < RUNS; i += 1) runs.push(await generateOnce(ctx, body));
  const windowUs: [number, number] = [startUs, monotonicUs()];
  const failures = runs.flatMap((r) => (r.error ? [r.error] : []));
  return {
    id: 'S5',
    title: SCENARIO_TITLES.S5,
    connections: 1,
    requestsPerSecond: null,
    p50Ms: null,
    p99Ms: null,
    errors: failures.length,
    seconds: Math.max(...runs.map((r) => r.seconds)),
    peakRssMb: mb(ctx.linli.memory.peakBytes()),
    windowUs,
    details: {
      request: 'POST /api/v1/work-reports, then GET its file',
      rssAtStartMb,
      period: `${body.from}..${body.to}`,
      runs: runs.map((r) => `${r.seconds.toFixed(2)} s`).join(', '),
      docxBytes: Math.max(...runs.map((r) => r.bytes)),
      ...(failures.length > 0 ? { failures: failures.join('; ') } : {}),
    },
  };
}
