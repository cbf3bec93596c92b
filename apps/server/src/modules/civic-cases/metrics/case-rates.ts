import type { CaseCounts, MetricSettings, Rates } from '@linli/contracts';

/**
 * The 三率 and the composite score, pure functions of the counts and the county's metric settings.
 *
 * - 响应率 responseRate = responded / dispatched
 * - 解决率 resolutionRate = ratedResolved / rated (the reporter's own word on whether it was fixed)
 * - 满意率 satisfactionRate = (satisfied + basicallySatisfiedWeight × basicallySatisfied) / rated
 * - 按期结案率 onTimeClosureRate = closedOnTime / closed
 *
 * A rate whose denominator is 0 is null ("no data"), never 0 % or 100 %. Rates are fractions (0…1, four decimals).
 * compositeScore = 100 × Σ(weight × rate) / Σ(weight) over the three rates that exist, so a scope with no ratings
 * yet is scored on its response rate alone instead of being marked down to zero; null when none exists. It is
 * rounded to two decimals before grading, so 90 means 90 and not 89.999….
 */

export type Grade = NonNullable<Rates['grade']>;

const round = (value: number, places: number): number => {
  const f = 10 ** places;
  return Math.round(value * f) / f;
};

/** numerator / denominator, or null when there is nothing to divide by. */
export const rateOf = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

/** 100 × the weighted mean of the rates that exist, renormalising the weights; null when none exists. */
export function weightedScore(parts: ReadonlyArray<{ rate: number | null; weight: number }>): number | null {
  const present = parts.filter((p): p is { rate: number; weight: number } => p.rate !== null);
  const weights = present.reduce((sum, p) => sum + p.weight, 0);
  if (present.length === 0 || weights <= 0) return null;
  return round((100 * present.reduce((sum, p) => sum + p.weight * p.rate, 0)) / weights, 2);
}

/** A–E from the county's floors: at least A's floor is A, …, below D's floor is E. */
export function gradeOf(score: number | null, floors: MetricSettings['gradeFloors']): Grade | null {
  if (score === null) return null;
  if (score >= floors.A) return 'A';
  if (score >= floors.B) return 'B';
  if (score >= floors.C) return 'C';
  if (score >= floors.D) return 'D';
  return 'E';
}

const rounded = (rate: number | null): number | null => (rate === null ? null : round(rate, 4));

/** The three rates as unrounded fractions (what the composite is computed from). */
function threeRates(counts: CaseCounts, settings: MetricSettings) {
  return {
    response: rateOf(counts.responded, counts.dispatched),
    resolution: rateOf(counts.ratedResolved, counts.rated),
    satisfaction: rateOf(
      counts.satisfied + settings.basicallySatisfiedWeight * counts.basicallySatisfied,
      counts.rated,
    ),
  };
}

/** The composite of the three rates with the county's weights (30/35/35 by default). */
function threeRateScore(counts: CaseCounts, settings: MetricSettings): number | null {
  const r = threeRates(counts, settings);
  return weightedScore([
    { rate: r.response, weight: settings.weights.response },
    { rate: r.resolution, weight: settings.weights.resolution },
    { rate: r.satisfaction, weight: settings.weights.satisfaction },
  ]);
}

/** The 三率, the on-time closure rate, the composite score and its grade for a scope's counts. */
export function ratesOf(counts: CaseCounts, settings: MetricSettings): Rates {
  const r = threeRates(counts, settings);
  const compositeScore = threeRateScore(counts, settings);
  return {
    responseRate: rounded(r.response),
    resolutionRate: rounded(r.resolution),
    satisfactionRate: rounded(r.satisfaction),
    onTimeClosureRate: rounded(rateOf(counts.closedOnTime, counts.closed)),
    compositeScore,
    grade: gradeOf(compositeScore, settings.gradeFloors),
  };
}

export interface RoleScore {
  role: 'unit' | 'collector';
  score: number | null;
  grade: Grade | null;
}

/**
 * GB/T 30428.4 scores 专业部门 (handling units) on how they dealt with what was dispatched to them. Here that is
 * the county's three rates of the unit's cases with the configured weights: the same number as the composite.
 */
export function unitScore(counts: CaseCounts, settings: MetricSettings): RoleScore {
  const score = threeRateScore(counts, settings);
  return { role: 'unit', score, grade: gradeOf(score, settings.gradeFloors) };
}

/** How much the valid-report rate weighs in a collector's score; the response rate of its cases weighs the rest. */
export const COLLECTOR_WEIGHTS = { validReport: 60, response: 40 } as const;

/**
 * GB/T 30428.4 scores 信息采集员 (collectors — here the grid) on 有效上报率, the share of reports that were worth
 * taking up. collectorScore = 100 × (60 × validReportRate + 40 × responseRate) / 100, renormalised like the
 * composite when one is null, where validReportRate = accepted / received (capped at 1: a case received last
 * month may be accepted this month). The county's void exclusions do not apply here: a duplicate or out-of-scope
 * report is exactly what the valid-report rate counts against. The response rate is that of the grid's cases, so
 * the score also reflects how fast what the grid reports gets answered.
 */
export function collectorScore(
  counts: CaseCounts,
  settings: MetricSettings,
): RoleScore & { validReportRate: number | null } {
  const valid = rateOf(counts.accepted, counts.received);
  const validReportRate = valid === null ? null : Math.min(1, valid);
  const score = weightedScore([
    { rate: validReportRate, weight: COLLECTOR_WEIGHTS.validReport },
    { rate: rateOf(counts.responded, counts.dispatched), weight: COLLECTOR_WEIGHTS.response },
  ]);
  return {
    role: 'collector',
    score,
    grade: gradeOf(score, settings.gradeFloors),
    validReportRate: rounded(validReportRate),
  };
}
