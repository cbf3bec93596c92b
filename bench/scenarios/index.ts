import type { ScenarioId } from '../options.ts';
import type { BenchContext, ScenarioResult } from '../scenario.ts';
import { runSubmit } from './s1-submit.ts';
import { runInbox } from './s2-inbox.ts';
import { runCaseDetail } from './s3-case-detail.ts';
import { runDashboard } from './s4-dashboard.ts';
import { runWorkReport } from './s5-work-report.ts';
import { runLedger } from './s6-ledger.ts';

/** The scenarios run against Linli; S0 runs against the baseline server (s0-baseline.ts). */
export const LINLI_SCENARIOS = {
  S1: runSubmit,
  S2: runInbox,
  S3: runCaseDetail,
  S4: runDashboard,
  S5: runWorkReport,
  S6: runLedger,
} as const satisfies Record<Exclude<ScenarioId, 'S0'>, (ctx: BenchContext) => Promise<ScenarioResult>>;
