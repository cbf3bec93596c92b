import type { CaseCounts, FigureKey, FigureValue, MetricSettings, Rates } from '@linli/contracts';
import { sql } from 'kysely';
import { pathStartsWith, toNumber } from '../../../platform/sql-helpers.ts';
import {
  loadMetricSettings,
  overdueOpenCount,
  ratesOf,
  readTally,
  sumAll,
  sumBy,
  type TallyGroup,
  ZERO_COUNTS,
} from '../../civic-cases/index.ts';
import { fieldOf, periodInstants, whenOne } from './figure-sql.ts';
import type { FigureFn, FigureInput } from './figure-types.ts';

/*
 * 民情. The counts, 三率, composite score and grade come from the 民情 module's own tally (`readTally`) and rate rules
 * (`ratesOf` with the county's `loadMetricSettings`), so the work report and 统计考核 quote the same numbers for the
 * same scope and period. Received by `received_on`, closed by `closed_on` (Shanghai days), cases placed in scope by
 * their compound. One read of the tally grouped by month and category serves every count, rate and category
 * figure here, and the cockpit's 民情 charts beside them (`civicTally` is shared through `input.once`).
 */

export interface CivicTally {
  settings: MetricSettings;
  /** The scope's counts over the period per month and (leaf) category, without the backlog. */
  groups: TallyGroup[];
}

/** The tally of the scope and period, read once per computation whoever asks first. */
export const civicTally = (input: FigureInput): Promise<CivicTally> =>
  input.once('civic.tally', async () => {
    const { settings } = await loadMetricSettings(input.db);
    const { scope, period } = input;
    const groups = await readTally(input.db, { scopePath: scope.path, period, settings, by: ['month', 'category'] });
    return { settings, groups };
  });

/** The 民情 totals of the scope and period: the tally's sums and the backlog as it is now. */
async function civicTotals(input: FigureInput): Promise<{ counts: CaseCounts; rates: Rates }> {
  const { settings, groups } = await civicTally(input);
  const overdueOpen = await overdueOpenCount(input.db, pathStartsWith('c.path', input.scope.path));
  const counts = { ...sumAll(groups), overdueOpen };
  return { counts, rates: ratesOf(counts, settings) };
}

/** Root category codes of the six families the report names (the category tree's top level). */
const ROOTS = {
  cases_closed_ms: 'MS',
  cases_closed_cg: 'CG',
  cases_closed_ny: 'NY',
  cases_closed_sj: 'SJ',
  cases_closed_ld: 'LD',
  cases_closed_pk: 'PK',
} as const;
/** The leaf categories of 车辆乱停 and 下水道堵塞; a case filed under one of their children counts too. */
const PARKING = 'CG01';
const DRAINS = 'MS02';

interface ClosedByCategory {
  code: string;
  parentCode: string | null;
  closed: number;
  resolved: number;
}

/**
 * Cases closed in the period per category (its code and its parent's), with how many were closed resolved —
 * the tally's closed counts per category, named from the small category table.
 */
async function closedByCategory(input: FigureInput): Promise<ClosedByCategory[]> {
  const closed = sumBy((await civicTally(input)).groups, 'category');
  if (closed.size === 0) return [];
  const categories = await input.db
    .selectFrom('civic_category as k')
    .leftJoin('civic_category as p', 'p.id', 'k.parent_id')
    .select(['k.id as id', 'k.code as code', 'p.code as parentCode'])
    .where('k.id', 'in', [...closed.keys()])
    .execute();
  return categories.map((k) => {
    const counts = closed.get(k.id) ?? ZERO_COUNTS;
    return { code: k.code, parentCode: k.parentCode, closed: counts.closed, resolved: counts.closedResolved };
  });
}

const byCategory = (pick: (rows: ClosedByCategory[]) => number) =>
  fieldOf('civic.closedByCategory', closedByCategory, pick);
/** Closed in the root family `root` (a root category itself, or a child of it). */
const closedInRoot = (root: string) =>
  byCategory((rows) => rows.filter((r) => (r.parentCode ?? r.code) === root).reduce((n, r) => n + r.closed, 0));
/** Closed resolved in the category `code` or one of its children. */
const resolvedIn = (code: string) =>
  byCategory((rows) =>
    rows.filter((r) => r.code === code || r.parentCode === code).reduce((n, r) => n + r.resolved, 0),
  );

/**
 * Mediations (纠纷调解) opened on a day of the period for cases in scope, and how many of those ended agreed. The
 * outcome carries no date of its own, so a mediation is counted in the period it was opened, with its outcome now.
 */
async function mediations({ db, scope, period }: FigureInput) {
  const { fromInstant, toInstant } = periodInstants(period);
  const row = await db
    .selectFrom('civic_mediation as m')
    .innerJoin('civic_case as c', 'c.id', 'm.case_id')
    .select([
      (eb) => eb.fn.countAll<number | string>().as('mediated'),
      sql<number | string>`SUM(${whenOne(sql`m.outcome = 'agreed'`)})`.as('agreed'),
    ])
    .where('m.created_at', '>=', fromInstant)
    .where('m.created_at', '<', toInstant)
    .where(pathStartsWith('c.path', scope.path))
    .executeTakeFirst();
  return { mediated: toNumber(row?.mediated), agreed: toNumber(row?.agreed) };
}

const count = (pick: (c: CaseCounts) => number) => fieldOf('civic.totals', civicTotals, (t) => pick(t.counts));
const rate = (pick: (r: Rates) => FigureValue) => fieldOf('civic.totals', civicTotals, (t) => pick(t.rates));

/** The 民情 module's figures (definitions: docs/work-report-figures.md). */
export const CIVIC_FIGURES: Partial<Record<FigureKey, FigureFn>> = {
  cases_received: count((c) => c.received),
  cases_closed: count((c) => c.closed),
  cases_closed_resolved: count((c) => c.closedResolved),
  cases_overdue_open: count((c) => c.overdueOpen),
  ...Object.fromEntries(Object.entries(ROOTS).map(([key, root]) => [key, closedInRoot(root)])),
  parking_resolved: resolvedIn(PARKING),
  drains_resolved: resolvedIn(DRAINS),
  disputes_mediated: fieldOf('civic.mediations', mediations, (m) => m.mediated),
  disputes_agreed: fieldOf('civic.mediations', mediations, (m) => m.agreed),
  response_rate: rate((r) => r.responseRate),
  resolution_rate: rate((r) => r.resolutionRate),
  satisfaction_rate: rate((r) => r.satisfactionRate),
  composite_score: rate((r) => r.compositeScore),
  grade: rate((r) => r.grade),
};
