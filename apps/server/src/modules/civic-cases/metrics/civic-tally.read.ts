import type { CaseCounts, MetricSettings } from '@linli/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { TALLY_COUNT_COLUMNS, type TallyColumn } from '../../../db/migrations/0014-civic-tally.ts';
import { pathStartsWith, toNumber } from '../../../platform/sql-helpers.ts';
import { addCounts, type MetricsPeriod, ZERO_COUNTS } from './case-metrics.ts';
import { monthPeriod } from './metrics-period.ts';

/** What tally rows can be grouped by: the month of their bucket, their category, compound or community. */
export type TallyDimension = 'month' | 'category' | 'compound' | 'community';

export interface TallyRange {
  grain: 'day' | 'month';
  from: string;
  to: string;
}

/** The month `by` months after `month` (`YYYY-MM`). */
const shiftMonth = (month: string, by: 1 | -1): string =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1)).toISOString().slice(0, 7);

/**
 * The tally buckets that make up a period exactly: month rows for the whole months inside it, day rows for the
 * partial months at its ends (a period within one month, or across two without a whole one, is its days).
 */
export function tallyRanges(period: MetricsPeriod): TallyRange[] {
  const firstMonth = period.from.slice(0, 7);
  const lastMonth = period.to.slice(0, 7);
  const startsWhole = period.from === `${firstMonth}-01`;
  const endsWhole = period.to === monthPeriod(lastMonth).to;
  const firstWhole = startsWhole ? firstMonth : shiftMonth(firstMonth, 1);
  const lastWhole = endsWhole ? lastMonth : shiftMonth(lastMonth, -1);
  if (firstWhole > lastWhole) return [{ grain: 'day', from: period.from, to: period.to }];
  return [
    ...(startsWhole ? [] : [{ grain: 'day' as const, from: period.from, to: monthPeriod(firstMonth).to }]),
    { grain: 'month', from: firstWhole, to: lastWhole },
    ...(endsWhole ? [] : [{ grain: 'day' as const, from: `${lastMonth}-01`, to: period.to }]),
  ];
}

const DIMENSION_SQL: Record<TallyDimension, RawBuilder<string>> = {
  month: sql`substr(t.bucket, 1, 7)`,
  category: sql`t.category_id`,
  compound: sql`t.compound_id`,
  community: sql`t.community_id`,
};

const VOIDED_COLUMNS = TALLY_COUNT_COLUMNS.filter((c) => c.startsWith('voided_'));

type TallyRow = Partial<Record<TallyDimension | 'path', string>> & Record<TallyColumn, number | string | null>;

/** The counts of summed tally columns; `excluded` follows the county's setting, the backlog is not counted here. */
function countsOf(row: TallyRow, settings: Pick<MetricSettings, 'excludedVoidReasons'>): CaseCounts {
  const n = (column: TallyColumn) => toNumber(row[column]);
  const excluded = new Set<string>(settings.excludedVoidReasons.map((r) => `voided_${r}`));
  return {
    ...ZERO_COUNTS,
    received: n('received'),
    accepted: n('accepted'),
    voided: VOIDED_COLUMNS.reduce((sum, c) => sum + n(c), 0),
    excluded: VOIDED_COLUMNS.reduce((sum, c) => sum + (excluded.has(c) ? n(c) : 0), 0),
    dispatched: n('dispatched'),
    responded: n('responded'),
    closed: n('closed'),
    closedResolved: n('closed_resolved'),
    closedOnTime: n('closed_on_time'),
    rework: n('rework'),
    extensions: n('extensions'),
    deferrals: n('deferrals'),
    rated: n('rated'),
    ratedResolved: n('rated_resolved'),
    satisfied: n('satisfied'),
    basicallySatisfied: n('basically_satisfied'),
    dissatisfied: n('dissatisfied'),
  };
}

export interface TallyQuery {
  /**
   * The scope's path: an org node's or a compound's. The tally files facts by compound, so a grid's path (below
   * its compound's) cannot be answered here; the index queries of `metrics.repository.ts` answer those.
   */
  scopePath: string;
  period: MetricsPeriod;
  settings: Pick<MetricSettings, 'excludedVoidReasons'>;
  /** The dimensions to group by; none for the scope's totals. */
  by: readonly TallyDimension[];
}

export interface TallyGroup {
  /** The group's value of each dimension asked for: a month `YYYY-MM`, a category, compound or community id. */
  keys: Partial<Record<TallyDimension, string>>;
  /** The compound's path, when grouped by compound. */
  path: string | null;
  /** The counts of the period, all but `overdueOpen` (no date, not in the tally: 0 here). */
  counts: CaseCounts;
}

const isZero = (counts: CaseCounts): boolean => Object.values(counts).every((n) => n === 0);

/**
 * The counts of the scope over the period from `civic_case_tally`, one entry per group of `by` that counts
 * anything (the totals always, as one entry). One grouped read whose size does not grow with the number of cases:
 * a county-year is at most twelve month rows per compound and category.
 */
export async function readTally(db: Db, query: TallyQuery): Promise<TallyGroup[]> {
  const result = await tallyQuery(query).execute(db);
  const groups = result.rows.map((row) => ({
    keys: Object.fromEntries(query.by.map((d) => [d, row[d] ?? ''])),
    path: row.path ?? null,
    counts: countsOf(row, query.settings),
  }));
  return query.by.length === 0 ? groups : groups.filter((g) => !isZero(g.counts));
}

/** The grouped read itself (exported so the measurement script can print its plan). */
export function tallyQuery(query: TallyQuery): RawBuilder<TallyRow> {
  const ranges = tallyRanges(query.period).map(
    (r) => sql`(t.grain = ${r.grain} AND t.bucket >= ${r.from} AND t.bucket <= ${r.to})`,
  );
  const keys = query.by.map((d) => sql`${DIMENSION_SQL[d]} AS ${sql.ref(d)}`);
  const path = query.by.includes('compound') ? [sql`MAX(t.path) AS path`] : [];
  const sums = TALLY_COUNT_COLUMNS.map((c) => sql`SUM(${sql.ref(`t.${c}`)}) AS ${sql.ref(c)}`);
  // Without a dimension the query is one aggregate row (PostgreSQL refuses GROUP BY a constant).
  const groupBy = query.by.length === 0 ? sql`` : sql`GROUP BY ${sql.join(query.by.map((d) => DIMENSION_SQL[d]))}`;
  return sql<TallyRow>`SELECT ${sql.join([...keys, ...path, ...sums])}
    FROM civic_case_tally t
    WHERE ${pathStartsWith('t.path', query.scopePath)} AND (${sql.join(ranges, sql` OR `)})
    ${groupBy}`;
}

/** The groups' counts summed per value of one of their dimensions (by month, by category …). */
export function sumBy(groups: readonly TallyGroup[], dimension: TallyDimension): Map<string, CaseCounts> {
  const sums = new Map<string, CaseCounts>();
  for (const g of groups) {
    const key = g.keys[dimension];
    if (key !== undefined) sums.set(key, addCounts(sums.get(key) ?? ZERO_COUNTS, g.counts));
  }
  return sums;
}

/** The groups' counts summed: the scope's totals over the period (without the backlog). */
export const sumAll = (groups: readonly TallyGroup[]): CaseCounts =>
  groups.reduce((sum, g) => addCounts(sum, g.counts), ZERO_COUNTS);
