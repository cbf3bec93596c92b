import type { CaseCounts, MetricSettings, Metrics, MetricsQuery } from '@linli/contracts';
import type { Ctx } from '../../../platform/context.ts';
import { pathStartsWith } from '../../../platform/sql-helpers.ts';
import { loadMetricSettings } from '../settings/metric-settings.repository.ts';
import { addCounts, ZERO_COUNTS } from './case-metrics.ts';
import { ratesOf } from './case-rates.ts';
import { countsByGroup, type GroupCounts, overdueOpenCount, receivedByStatus } from './metrics.repository.ts';
import { assertPeriod, monthsOf } from './metrics-period.ts';
import { resolveMetricsScope } from './metrics-scope.ts';

async function categoryNames(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('civic_category').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const byKey = (groups: GroupCounts[]): Map<string, CaseCounts> =>
  new Map(groups.flatMap((g) => (g.key === null ? [] : [[g.key, g.counts] as const])));

function monthRows(groups: GroupCounts[], months: string[], settings: MetricSettings): Metrics['byMonth'] {
  const counts = byKey(groups);
  return months.map((month) => {
    const c = counts.get(month) ?? ZERO_COUNTS;
    return { month, received: c.received, closed: c.closed, rates: ratesOf(c, settings) };
  });
}

/**
 * `GET /civic-metrics`: the counts, 三率, composite score and grade of one scope over a period, with the
 * breakdowns the console charts (by category, by current status of the period's cases, by month). Four grouped
 * queries on covering indexes whatever the size of the county; no event log is replayed.
 */
export async function getCivicMetrics(ctx: Ctx, query: MetricsQuery): Promise<Metrics> {
  const scope = await resolveMetricsScope(ctx, query);
  const period = { from: query.from, to: query.to };
  assertPeriod(period);
  const { settings } = await loadMetricSettings(ctx.db);
  const input = { scope: pathStartsWith('c.path', scope.path), period, settings };
  const months = await countsByGroup(ctx.db, ctx.dialect, { ...input, grouping: 'month' });
  const categories = await countsByGroup(ctx.db, ctx.dialect, { ...input, grouping: 'category' });
  const byStatus = await receivedByStatus(ctx.db, input);
  // Every fact falls in exactly one month of the period, so the months add up to the totals; only the backlog,
  // which has no month, is counted apart. One scan of the covering indexes fewer than asking for the totals.
  const counts = {
    ...months.reduce((sum, m) => addCounts(sum, m.counts), ZERO_COUNTS),
    overdueOpen: await overdueOpenCount(ctx.db, input.scope),
  };
  const names = await categoryNames(
    ctx,
    categories.flatMap((g) => (g.key === null ? [] : [g.key])),
  );
  const byCategory = categories
    .flatMap((g) =>
      g.key === null || (g.counts.received === 0 && g.counts.closed === 0)
        ? []
        : [{ categoryId: g.key, name: names.get(g.key) ?? '', received: g.counts.received, closed: g.counts.closed }],
    )
    .sort((a, b) => b.received - a.received || b.closed - a.closed || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    scope: { kind: scope.kind, id: scope.id, name: scope.name },
    from: period.from,
    to: period.to,
    counts,
    rates: ratesOf(counts, settings),
    byCategory,
    byStatus,
    byMonth: monthRows(months, monthsOf(period), settings),
  };
}
