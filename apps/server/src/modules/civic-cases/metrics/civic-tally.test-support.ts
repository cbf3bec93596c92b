import { type CaseCounts, DEFAULT_METRIC_SETTINGS, type MetricSettings } from '@linli/contracts';
import { expect } from 'vitest';
import type { TestApp } from '../../../../test/harness.ts';
import { TALLY_COUNT_COLUMNS } from '../../../db/migrations/0014-civic-tally.ts';
import { pathStartsWith } from '../../../platform/sql-helpers.ts';
import type { MetricsPeriod } from './case-metrics.ts';
import { countsByGroup, countsFromIndexes, type GroupCounts, type MetricsGrouping } from './metrics.repository.ts';

/** The groupings the tally answers. */
export const TALLY_GROUPINGS = [
  'none',
  'month',
  'category',
  'compound',
  'community',
] as const satisfies readonly MetricsGrouping[];

const isZero = (counts: CaseCounts): boolean => Object.values(counts).every((n) => n === 0);

/**
 * An answer as the two ways can both give it: by key, without the groups that count nothing (the index query
 * also lists a group whose only rows count 0, such as a refused request's; the tally leaves it out).
 */
const comparable = (groups: GroupCounts[], grouping: MetricsGrouping) =>
  groups
    .filter((g) => grouping === 'none' || !isZero(g.counts))
    .map((g) => ({ key: g.key, counts: g.counts }))
    .sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));

/**
 * Expects `countsByGroup` from the tally to equal the reference index query for every grouping the tally holds,
 * over each scope (an org node's or compound's path) and period; answers the county totals it compared, so a
 * test can check that the story counted something at all.
 */
export async function expectTallyEqualsIndexes(
  t: TestApp,
  scopes: Record<string, string>,
  periods: readonly MetricsPeriod[],
  settings: MetricSettings = DEFAULT_METRIC_SETTINGS,
): Promise<number> {
  let compared = 0;
  for (const [name, path] of Object.entries(scopes)) {
    for (const period of periods) {
      for (const grouping of TALLY_GROUPINGS) {
        const input = { scope: pathStartsWith('c.path', path), period, settings, grouping };
        const tally = await countsByGroup(t.platform.db, t.platform.dialect, { ...input, scopePath: path });
        const indexes = await countsFromIndexes(t.platform.db, t.platform.dialect, input);
        const label = `${name} ${period.from}…${period.to} by ${grouping}`;
        expect(comparable(tally, grouping), label).toEqual(comparable(indexes, grouping));
        compared += tally.reduce((n, g) => n + g.counts.received + g.counts.closed + g.counts.rework, 0);
      }
    }
  }
  return compared;
}

/** The tally's rows that count something, in key order: what a rebuild or the backfill must reproduce. */
export async function tallySnapshot(t: TestApp) {
  const rows = await t.platform.db
    .selectFrom('civic_case_tally')
    .selectAll()
    .orderBy('grain')
    .orderBy('bucket')
    .orderBy('compound_id')
    .orderBy('category_id')
    .execute();
  return rows
    .map((r) => ({ ...r, ...Object.fromEntries(TALLY_COUNT_COLUMNS.map((c) => [c, Number(r[c])])) }))
    .filter((r) => TALLY_COUNT_COLUMNS.some((c) => r[c] !== 0));
}
