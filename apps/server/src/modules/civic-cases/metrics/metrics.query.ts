import type { CaseCounts, MetricSettings, Metrics, MetricsQuery } from '@linli/contracts';
import type { Ctx } from '../../../platform/context.ts';
import { pathStartsWith } from '../../../platform/sql-helpers.ts';
import { loadMetricSettings } from '../settings/metric-settings.repository.ts';
import { ZERO_COUNTS } from './case-metrics.ts';
import { ratesOf } from './case-rates.ts';
import { readTally, sumAll, sumBy } from './civic-tally.read.ts';
import { receivedByStatus } from './metrics.repository.ts';
import { assertPeriod, monthsOf } from './metrics-period.ts';
import { resolveMetricsScope } from './metrics-scope.ts';
import { overdueOpenCount } from './overdue.repository.ts';

async function categoryNames(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('civic_category').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

function monthRows(byMonth: Map<string, CaseCounts>, months: string[], settings: MetricSettings): Metrics['byMonth'] {
  return months.map((month) => {
    const c = byMonth.get(month) ?? ZERO_COUNTS;
    return { month, received: c.received, closed: c.closed, rates: ratesOf(c, settings) };
  });
}

/**
 * `GET /civic-metrics`: the counts, 三率, composite score and grade of one scope over a period, with the
 * breakdowns the console charts (by category, by current status of the period's cases, by month). One read of
 * the tally grouped by month and category serves the totals and both breakdowns; the backlog and the statuses
 * are read live. No event log is replayed, and the work does not grow with the number of cases.
 */
export async function getCivicMetrics(ctx: Ctx, query: MetricsQuery): Promise<Metrics> {
  const scope = await resolveMetricsScope(ctx, query);
  const period = { from: query.from, to: query.to };
  assertPeriod(period);
  const { settings } = await loadMetricSettings(ctx.db);
  const input = { scope: pathStartsWith('c.path', scope.path), period, settings };
  const tally = await readTally(ctx.db, { scopePath: scope.path, period, settings, by: ['month', 'category'] });
  const byStatus = await receivedByStatus(ctx.db, input);
  const counts = { ...sumAll(tally), overdueOpen: await overdueOpenCount(ctx.db, input.scope) };
  const categories = [...sumBy(tally, 'category')].map(([key, c]) => ({ key, counts: c }));
  const names = await categoryNames(
    ctx,
    categories.map((g) => g.key),
  );
  const byCategory = categories
    .flatMap((g) =>
      g.counts.received === 0 && g.counts.closed === 0
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
    byMonth: monthRows(sumBy(tally, 'month'), monthsOf(period), settings),
  };
}
