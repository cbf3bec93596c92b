import type { CaseCounts, Dashboard, MetricSettings } from '@linli/contracts';
import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { pathStartsWith, toNumber } from '../../../platform/sql-helpers.ts';
import {
  monthsOf,
  periodBounds,
  ratesOf,
  receivedByStatus,
  sumAll,
  sumBy,
  ZERO_COUNTS,
} from '../../civic-cases/index.ts';
import { civicTally } from '../figures/civic.figures.ts';
import type { FigureInput, ReportPeriod } from '../figures/figure-types.ts';
import type { ReportScope } from '../report-scope.ts';

type Civic = Dashboard['civic'];

interface CategoryRow {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  sort_order: number;
  active: number;
}

/** Each category's root (a leaf of 物业服务 belongs to 民生服务类), whatever the depth of the tree. */
function rootsOf(rows: CategoryRow[]): Map<string, CategoryRow> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const roots = new Map<string, CategoryRow>();
  for (const row of rows) {
    let node = row;
    const seen = new Set<string>();
    while (node.parent_id !== null && !seen.has(node.id)) {
      seen.add(node.id);
      const parent = byId.get(node.parent_id);
      if (!parent) break;
      node = parent;
    }
    roots.set(row.id, node);
  }
  return roots;
}

/**
 * Received and closed per root category (MS, CG, NY, SJ, LD, PK as the county keeps them), rolled up from the
 * leaf counts the 统计考核 page groups by. Every active root is listed, zeros included, in the county's order;
 * a retired root only when it still has cases in the period.
 */
async function byRootCategory(db: Db, groups: { key: string; counts: CaseCounts }[]) {
  const rows = await db
    .selectFrom('civic_category')
    .select(['id', 'parent_id', 'code', 'name', 'sort_order', 'active'])
    .execute();
  const roots = rootsOf(rows);
  const sums = new Map<string, { received: number; closed: number }>();
  for (const g of groups) {
    const root = roots.get(g.key);
    if (!root) continue;
    const sum = sums.get(root.id) ?? { received: 0, closed: 0 };
    sum.received += g.counts.received;
    sum.closed += g.counts.closed;
    sums.set(root.id, sum);
  }
  return rows
    .filter((r) => r.parent_id === null && (r.active === 1 || sums.has(r.id)))
    .sort((a, b) => a.sort_order - b.sort_order || a.code.localeCompare(b.code))
    .map((r) => ({ code: r.code, name: r.name, ...(sums.get(r.id) ?? { received: 0, closed: 0 }) }));
}

/**
 * Mediations opened on a day of the period for cases in scope, by their outcome now: the same mediations the
 * `disputes_mediated` / `disputes_agreed` figures count, so the chart and the figure beside it agree.
 */
async function mediationOutcomes(db: Db, scope: ReportScope, period: ReportPeriod): Promise<Civic['mediation']> {
  const { fromInstant, toInstant } = periodBounds(period);
  const result = await sql<{ outcome: string; n: number | string }>`
    SELECT m.outcome AS outcome, COUNT(*) AS n
    FROM civic_mediation m INNER JOIN civic_case c ON c.id = m.case_id
    WHERE m.created_at >= ${fromInstant} AND m.created_at < ${toInstant} AND ${pathStartsWith('c.path', scope.path)}
    GROUP BY m.outcome`.execute(db);
  const count = (outcome: string) => toNumber(result.rows.find((r) => r.outcome === outcome)?.n);
  const agreed = count('agreed');
  const failed = count('failed');
  const pending = count('pending');
  return { total: agreed + failed + pending, agreed, failed, pending };
}

/**
 * The 民情 part of the cockpit, from the very tally read the catalogue figures beside it use (`civicTally`, shared
 * through the computation's `once`), so the charts and the figures agree with each other and with the 统计考核 page:
 * the counts per month (whose sum is the period's counts: every fact falls in one month) and per root category,
 * the current status of the period's cases, and the mediation outcomes. No case row reaches JS.
 */
export async function civicSection(input: FigureInput, settings: MetricSettings): Promise<Civic> {
  const { db, scope, period } = input;
  const [tally, byStatus, mediation] = await Promise.all([
    civicTally(input),
    receivedByStatus(db, { scope: pathStartsWith('c.path', scope.path), period }),
    mediationOutcomes(db, scope, period),
  ]);
  const byMonth = sumBy(tally.groups, 'month');
  const byCategory = [...sumBy(tally.groups, 'category')].map(([key, counts]) => ({ key, counts }));
  return {
    byRootCategory: await byRootCategory(db, byCategory),
    byStatus,
    byMonth: monthsOf(period).map((month) => {
      const c = byMonth.get(month) ?? ZERO_COUNTS;
      return { month, received: c.received, closed: c.closed, rates: ratesOf(c, settings) };
    }),
    rates: ratesOf(sumAll(tally.groups), settings),
    mediation,
  };
}
