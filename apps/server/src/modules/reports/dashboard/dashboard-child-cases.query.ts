import type { CaseCounts, MetricSettings } from '@linli/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db, Dialect } from '../../../db/database.ts';
import { pathStartsWith, toNumber } from '../../../platform/sql-helpers.ts';
import { addCounts, OPEN_STATUSES, readTally, ZERO_COUNTS } from '../../civic-cases/index.ts';
import type { ReportPeriod } from '../figures/figure-types.ts';

/**
 * The id that follows `depth` characters of a path (`/a/b/c/` at depth 3 → `b`): which child of the scope a row
 * lies under. A row's child is read from its own path in O(1), so one grouped query answers every child at
 * once, whatever their number, on the same path range the scope filter already reads.
 */
export function childOf(dialect: Dialect, column: string, depth: number): RawBuilder<string> {
  const ref = sql.ref(column);
  const start = sql.lit(depth + 1);
  return dialect === 'postgres'
    ? sql<string>`split_part(substr(${ref}, ${start}), '/', 1)`
    : sql<string>`substr(${ref}, ${start}, instr(substr(${ref}, ${start}), '/') - 1)`;
}

/** The child of the scope a compound's path lies under: the id that follows `depth` characters of it. */
const childOfPath = (path: string, depth: number): string => path.slice(depth).split('/')[0] ?? '';

/**
 * The counts of the cases below `path`, per child of the scope (`depth` = the scope path's length), as the
 * 统计考核 page counts them: one read of the 民情 tally grouped by compound, each compound added to the child its
 * path lies under, and the current overdue backlog per child from the partial overdue index (the backlog has no
 * date, so the tally does not hold it).
 */
export async function caseCountsByChild(
  db: Db,
  dialect: Dialect,
  input: { path: string; period: ReportPeriod; settings: MetricSettings },
): Promise<Map<string, CaseCounts>> {
  const depth = input.path.length;
  const compounds = await readTally(db, {
    scopePath: input.path,
    period: input.period,
    settings: input.settings,
    by: ['compound'],
  });
  const byChild = new Map<string, CaseCounts>();
  for (const g of compounds) {
    const child = childOfPath(g.path ?? '', depth);
    byChild.set(child, addCounts(byChild.get(child) ?? ZERO_COUNTS, g.counts));
  }
  const key = childOf(dialect, 'c.path', depth);
  const overdue = await sql<{ k: string; n: number | string }>`SELECT ${key} AS k, COUNT(*) AS n FROM civic_case c
    WHERE ${pathStartsWith('c.path', input.path)} AND c.overdue = 1 AND c.status IN (${sql.join([...OPEN_STATUSES])})
    GROUP BY ${key}`.execute(db);
  for (const row of overdue.rows) {
    byChild.set(row.k, { ...(byChild.get(row.k) ?? ZERO_COUNTS), overdueOpen: toNumber(row.n) });
  }
  return byChild;
}
