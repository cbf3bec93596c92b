import type { Dashboard, FigureValue, FigureValues, Ranking, ReportScopeQuery } from '@linli/contracts';
import type { Ctx } from '../../../platform/context.ts';
import { assertPeriod, getCivicRanking, loadMetricSettings, periodBounds } from '../../civic-cases/index.ts';
import { computeFigures } from '../figures/figure-registry.ts';
import { figureInput } from '../figures/figure-types.ts';
import { type ReportScope, reportBreadcrumb, resolveReportScope, scopeRef } from '../report-scope.ts';
import { cachedDashboard } from './dashboard.cache.ts';
import { dashboardChildren } from './dashboard-children.query.ts';
import { civicSection } from './dashboard-civic.query.ts';
import { coverageByStage } from './dashboard-coverage.query.ts';

const TOP = 10;

/** The computed figures as the wire carries them: a key is present only when its figure was computed. */
const presentFigures = (values: FigureValues): Record<string, FigureValue> =>
  Object.fromEntries(Object.entries(values).filter((entry): entry is [string, FigureValue] => entry[1] !== undefined));

type RankRow = Dashboard['rankings']['compounds'][number];

const rankRow = (row: Ranking['rows'][number]): RankRow => ({
  rank: row.rank,
  id: row.id,
  name: row.name,
  received: row.counts.received,
  closed: row.counts.closed,
  compositeScore: row.rates.compositeScore,
  grade: row.rates.grade,
});

/**
 * The period's last month ranked as the 统计考核 page ranks it, within the scope. A compound has nothing below
 * it to rank, so its lists are empty (and a branch secretary, who may not rank, is never asked to).
 */
async function rankings(ctx: Ctx, scope: ReportScope, to: string): Promise<Dashboard['rankings']> {
  const month = to.slice(0, 7);
  if (scope.kind === 'compound') return { month, compounds: [], units: [] };
  const [compounds, units] = await Promise.all([
    getCivicRanking(ctx, { level: 'compound', month, orgId: scope.id }),
    getCivicRanking(ctx, { level: 'unit', month, orgId: scope.id }),
  ]);
  return {
    month,
    compounds: compounds.rows.slice(0, TOP).map(rankRow),
    units: units.rows.slice(0, TOP).map(rankRow),
  };
}

/**
 * `GET /dashboard` (驾驶舱): one scope (default the caller's widest `report.read` scope; 403 outside it) over a
 * period of Shanghai days — the catalogue figures the work report quotes, branch coverage by rollout stage, the
 * 民情 breakdowns and rates computed as the 统计考核 page computes them, the last month's rankings, and one row
 * per child for drill-down. Read-only and outside any transaction, so the independent parts run side by side
 * on PostgreSQL's pool (SQLite serialises them on its one connection). The 民情 counts come from the tally
 * (one read for the figures and charts, one per child, one for the compound ranking), the rest from grouped
 * queries on indexes; no case row is loaded. Kept while the data stands (`dashboard.cache.ts`).
 */
export async function getDashboard(ctx: Ctx, query: ReportScopeQuery): Promise<Dashboard> {
  const scope = await resolveReportScope(ctx, query);
  const period = { from: query.from, to: query.to };
  assertPeriod(period);
  return cachedDashboard(ctx, query, () => computeDashboard(ctx, scope, period));
}

async function computeDashboard(
  ctx: Ctx,
  scope: ReportScope,
  period: { from: string; to: string },
): Promise<Dashboard> {
  const { settings } = await loadMetricSettings(ctx.db);
  const input = { scope, period, settings };
  // One computation for the figures and the 民情 charts: they share the tally read (`civicTally`).
  const computation = figureInput({ db: ctx.db, dialect: ctx.dialect, scope, period });
  const [breadcrumb, figures, coverage, civic, ranked, children] = await Promise.all([
    reportBreadcrumb(ctx, scope),
    computeFigures(computation),
    coverageByStage(ctx.db, scope.path, periodBounds(period).toInstant),
    civicSection(computation, settings),
    rankings(ctx, scope, period.to),
    dashboardChildren(ctx.db, ctx.dialect, input),
  ]);
  return {
    scope: scopeRef(scope),
    from: period.from,
    to: period.to,
    breadcrumb,
    figures: presentFigures(figures),
    coverage,
    civic,
    rankings: ranked,
    children,
  };
}
