import type { CaseCounts } from '@linli/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { Db, Dialect } from '../../../db/database.ts';
import { pathStartsWith, toNumber } from '../../../platform/sql-helpers.ts';
import { OPEN_STATUSES, ZERO_COUNTS } from '../../civic-cases/index.ts';
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

const between = (column: string, period: ReportPeriod) =>
  sql`(${sql.ref(column)} >= ${period.from} AND ${sql.ref(column)} <= ${period.to})`;

/** The counts the drill-down shows (received, closed, overdue) and those the composite score is computed from. */
const KEYS = [
  'received',
  'dispatched',
  'responded',
  'closed',
  'closedOnTime',
  'rated',
  'ratedResolved',
  'satisfied',
  'basicallySatisfied',
  'overdueOpen',
] as const satisfies readonly (keyof CaseCounts)[];
type Key = (typeof KEYS)[number];
type Values = Partial<Record<Key, RawBuilder<number>>>;

const one = sql<number>`1`;
const when = (condition: RawBuilder<unknown>) => sql<number>`CASE WHEN ${condition} THEN 1 ELSE 0 END`;

/**
 * The families the drill-down shows (received, closed, overdue) and those the composite score needs (dispatched
 * and responded, rated and how), each filtered on its own date exactly as the 统计考核 counts are
 * (`countsByGroup` of the civic module), so each branch reads its own covering index of migration 0011.
 */
function families(period: ReportPeriod): { where: RawBuilder<unknown>; values: Values }[] {
  return [
    { where: between('c.received_on', period), values: { received: one } },
    {
      where: between('c.dispatched_on', period),
      values: { dispatched: one, responded: when(sql`c.responded = 1`) },
    },
    {
      where: between('c.closed_on', period),
      values: {
        closed: when(sql`c.status = 'closed'`),
        closedOnTime: when(sql`c.status = 'closed' AND c.handle_on_time = 1`),
      },
    },
    {
      where: between('c.rated_on', period),
      values: {
        rated: one,
        ratedResolved: when(sql`c.rating_resolved = 1`),
        satisfied: when(sql`c.rating = 'satisfied'`),
        basicallySatisfied: when(sql`c.rating = 'basically_satisfied'`),
      },
    },
    // The backlog as it is now (the rows keep no history of the flag), as on the 统计考核 page.
    {
      where: sql`(c.overdue = 1 AND c.status IN (${sql.join([...OPEN_STATUSES])}))`,
      values: { overdueOpen: one },
    },
  ];
}

/**
 * The counts of the cases below `path`, per child of the scope (`depth` = the scope path's length): one query,
 * a UNION ALL of one grouped branch per family, summed per child. Only the counts the drill-down needs are
 * filled; the others stay 0.
 */
export async function caseCountsByChild(
  db: Db,
  dialect: Dialect,
  input: { path: string; period: ReportPeriod },
): Promise<Map<string, CaseCounts>> {
  const key = childOf(dialect, 'c.path', input.path.length);
  const scope = pathStartsWith('c.path', input.path);
  const parts = families(input.period).map((family) => {
    const columns = KEYS.map((k) => {
      const value = family.values[k];
      return value ? sql`SUM(${value}) AS ${sql.ref(k)}` : sql`0 AS ${sql.ref(k)}`;
    });
    return sql`SELECT ${key} AS k, ${sql.join(columns)} FROM civic_case c
      WHERE ${scope} AND ${family.where} GROUP BY ${key}`;
  });
  const sums = KEYS.map((k) => sql`SUM(u.${sql.ref(k)}) AS ${sql.ref(k)}`);
  const result = await sql<{ k: string } & Record<Key, number | string | null>>`
    SELECT u.k AS k, ${sql.join(sums)} FROM (${sql.join(parts, sql` UNION ALL `)}) u GROUP BY u.k`.execute(db);
  const byChild = new Map<string, CaseCounts>();
  for (const row of result.rows) {
    const counts = { ...ZERO_COUNTS };
    for (const k of KEYS) counts[k] = toNumber(row[k]);
    byChild.set(row.k, counts);
  }
  return byChild;
}
