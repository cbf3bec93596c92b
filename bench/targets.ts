import type { ScenarioId } from './options.ts';
import type { ScenarioResult } from './scenario.ts';

/** A scenario's bar (issue 6); every scenario but the baseline must also answer without a single error. */
interface Target {
  /** Requests per second as a share of S0's. */
  minRatio?: number;
  maxP99Ms?: number;
  /** End to end: S5's slowest run, S6's export. */
  maxSeconds?: number;
  maxRssMb?: number;
}

export const TARGETS = {
  S0: {},
  S1: { minRatio: 0.25, maxP99Ms: 50 },
  S2: { minRatio: 0.4, maxP99Ms: 50 },
  S3: { minRatio: 0.4, maxP99Ms: 50 },
  S4: { maxP99Ms: 100 },
  S5: { maxSeconds: 2 },
  S6: { maxSeconds: 60, maxRssMb: 400 },
} as const satisfies Record<ScenarioId, Target>;

export interface Verdict {
  /** Requests per second over S0's; null for the timed scenarios or without a baseline. */
  ratio: number | null;
  target: string;
  /** null for the baseline itself, which has no bar. */
  met: boolean | null;
  /** Each part of the bar that was missed, in words. */
  misses: string[];
}

export function describeTarget(target: Target): string {
  const parts: string[] = [];
  if (target.minRatio !== undefined) parts.push(`≥${target.minRatio}×S0`);
  if (target.maxP99Ms !== undefined) parts.push(`p99≤${target.maxP99Ms}ms`);
  if (target.maxSeconds !== undefined) parts.push(`≤${target.maxSeconds}s`);
  if (target.maxRssMb !== undefined) parts.push(`RSS≤${target.maxRssMb}MB`);
  return parts.join(' ');
}

function missesOf(target: Target, result: ScenarioResult, ratio: number | null): string[] {
  const misses: string[] = [];
  if (target.minRatio !== undefined && (ratio === null || ratio < target.minRatio)) {
    misses.push(ratio === null ? 'no S0 to compare with' : `ratio ${ratio.toFixed(2)} < ${target.minRatio}`);
  }
  if (target.maxP99Ms !== undefined && (result.p99Ms ?? Number.POSITIVE_INFINITY) > target.maxP99Ms) {
    misses.push(result.p99Ms === null ? 'no answer at all' : `p99 ${result.p99Ms} ms > ${target.maxP99Ms} ms`);
  }
  if (target.maxSeconds !== undefined && (result.seconds ?? Number.POSITIVE_INFINITY) > target.maxSeconds) {
    misses.push(`${result.seconds?.toFixed(2)} s > ${target.maxSeconds} s`);
  }
  if (target.maxRssMb !== undefined && (result.peakRssMb ?? Number.POSITIVE_INFINITY) > target.maxRssMb) {
    misses.push(`peak RSS ${result.peakRssMb} MB > ${target.maxRssMb} MB`);
  }
  if (result.errors > 0) misses.push(`${result.errors} errors`);
  return misses;
}

/** Judges a result against its target and, for the ratio, against S0's throughput in the same run. */
export function judge(result: ScenarioResult, baseline: ScenarioResult | null): Verdict {
  const ratio =
    result.requestsPerSecond !== null && baseline?.requestsPerSecond
      ? result.requestsPerSecond / baseline.requestsPerSecond
      : null;
  const target: Target = TARGETS[result.id];
  if (result.id === 'S0') return { ratio, target: 'baseline', met: null, misses: [] };
  const misses = missesOf(target, result, ratio);
  return { ratio, target: `${describeTarget(target)} 0 err`, met: misses.length === 0, misses };
}
