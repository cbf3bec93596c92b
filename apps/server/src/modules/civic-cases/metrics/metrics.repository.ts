import type { CaseCounts, MetricSettings } from '@linli/contracts';
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db, Dialect } from '../../../db/database.ts';
import { sqlFalse, toNumber } from '../../../platform/sql-helpers.ts';
import { OPEN_STATUSES } from '../workflow/civic-case-status.ts';
import { type MetricsPeriod, ZERO_COUNTS } from './case-metrics.ts';
import { countsFromTally, TALLY_DIMENSIONS } from './civic-tally.counts.ts';
import type { CountsInput, GroupCounts, MetricsGrouping } from './metrics-grouping.ts';
import { periodBounds } from './metrics-period.ts';

export type { CountsInput, GroupCounts, MetricsGrouping } from './metrics-grouping.ts';

/**
 * The 民情 counts of a scope and period, grouped (`countsByGroup`). Two ways to the same numbers:
 *
 * - **The tally** (`civic_case_tally`, migration 0014; `civic-tally.*.ts`): counters per compound, category and
 *   day and per month, kept in the transaction that creates or changes a case (`civic-tally.maintain.ts`, called
 *   by `createCase` and the action runner) as the difference between the case's facts before and after. A period
 *   reads month rows for its whole months and day rows for its partial ones: a county-year is at most twelve rows
 *   per compound and category, whatever the number of cases. It answers whenever the caller gives the scope as a
 *   path (`scopePath`, an org node's or a compound's) and the grouping is none, month, category, compound or
 *   community.
 * - **The index queries** below, the reference: grid and unit groupings, scopes given only as a filter (a grid, a
 *   ranking over several assignments), and the tests, which expect both to agree on every grouping, period and
 *   scope, and `civicTallyMismatches` to find the table equal to a fresh computation.
 *
 * Each fact is counted on its own date, in Asia/Shanghai (received_on, accepted_at, dispatched_on, closed_on,
 * rated_on, the event's instant): grouping by month puts a case received in October and closed in November in
 * October's received and November's closed, so a month's row equals that month's totals.
 *
 * The index query is a UNION ALL of one branch per family of counts, each filtered on its own date and the scope's
 * path prefix, so each branch reads its own covering index of migration 0011; the outer query adds the branches'
 * conditional columns (`SUM(CASE WHEN … THEN 1 ELSE 0 END)`) per group. Rework, extensions, deferrals and voids are
 * counted from the events themselves, read through the `(type, at, …)` index for the period only.
 *
 * Row facts this relies on (the workflow's side of the contract):
 * - `accepted_at`: the `accept`; `dispatched_on`: the first dispatch's day, kept on re-dispatch;
 * - `responded`: 1 once the latest sign was on time and the reporter was contacted by its deadline (anonymous:
 *   the on-time sign alone); `handle_on_time`: the latest handle's flag;
 * - `closed_on`, `end_type`: the latest close (a reopened case is `rework`, so `status = 'closed'` drops it);
 * - `rated_on`, `rating`, `rating_resolved`: the latest rating; `void_reason`: the void's reason (merge: duplicate);
 * - `overdue`: raised with the `overdue` event, cleared when a new limit starts. overdueOpen is therefore the
 *   current backlog whatever the period: the rows keep no history of the flag, and the tally has none either
 *   (`overdue.repository.ts` reads it live).
 */

const COUNT_KEYS = Object.keys(ZERO_COUNTS) as (keyof CaseCounts)[];
type Values = Partial<Record<keyof CaseCounts, RawBuilder<number>>>;

interface Branch {
  from: 'case' | 'event';
  where: Expression<SqlBool>;
  /** The month of the date the branch is filtered on (for month grouping). */
  month: RawBuilder<string>;
  values: Values;
}

const one = sql<number>`1`;
const when = (condition: RawBuilder<unknown>) => sql<number>`CASE WHEN ${condition} THEN 1 ELSE 0 END`;
const between = (column: string, period: MetricsPeriod) =>
  sql<SqlBool>`(${sql.ref(column)} >= ${period.from} AND ${sql.ref(column)} <= ${period.to})`;
const dayMonth = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 7)`;

/** The Asia/Shanghai month `YYYY-MM` of a stored UTC instant. */
const instantMonth = (dialect: Dialect, column: string): RawBuilder<string> =>
  dialect === 'postgres'
    ? sql<string>`to_char(${sql.ref(column)}::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`
    : sql<string>`strftime('%Y-%m', ${sql.ref(column)}, '+8 hours')`;

/** A field of the event's JSON `data`, as text ('true' for a JSON true on both databases). */
const dataField = (dialect: Dialect, field: 'grant' | 'kind'): RawBuilder<string> =>
  dialect === 'postgres'
    ? sql<string>`(e.data::jsonb ->> ${field})`
    : sql<string>`(CASE json_type(e.data, ${`$.${field}`}) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false'
        ELSE json_extract(e.data, ${`$.${field}`}) END)`;

const granted = (dialect: Dialect, kind: 'extension' | 'deferral') =>
  sql`(${dataField(dialect, 'grant')} = 'true' AND ${dataField(dialect, 'kind')} = ${kind})`;

function branches(dialect: Dialect, period: MetricsPeriod, settings: MetricSettings, grouping: MetricsGrouping) {
  const { fromInstant, toInstant } = periodBounds(period);
  const excluded =
    settings.excludedVoidReasons.length === 0
      ? sqlFalse()
      : sql`COALESCE(c.void_reason, CASE WHEN e.type = 'merge' THEN 'duplicate' END) IN (${sql.join(settings.excludedVoidReasons)})`;
  // A merge also writes a `merge` event on the surviving case, which stays open: only the merged one is voided.
  const voidedHere = sql`(e.type IN ('void', 'merge') AND e.to_status = 'voided')`;
  const list: Branch[] = [
    {
      from: 'case',
      where: between('c.received_on', period),
      month: dayMonth('c.received_on'),
      values: { received: one },
    },
    {
      from: 'case',
      where: sql<SqlBool>`(c.accepted_at >= ${fromInstant} AND c.accepted_at < ${toInstant})`,
      month: instantMonth(dialect, 'c.accepted_at'),
      values: { accepted: one },
    },
    {
      from: 'case',
      where: between('c.dispatched_on', period),
      month: dayMonth('c.dispatched_on'),
      values: { dispatched: one, responded: when(sql`c.responded = 1`) },
    },
    {
      from: 'case',
      // Reopening clears closed_on; the status test inside keeps a stray date from counting all the same. (As a
      // filter it would steer the planner to the (path, status) index and away from the covering one.)
      where: between('c.closed_on', period),
      month: dayMonth('c.closed_on'),
      values: {
        closed: when(sql`c.status = 'closed'`),
        closedResolved: when(sql`c.status = 'closed' AND c.end_type = 'resolved'`),
        closedOnTime: when(sql`c.status = 'closed' AND c.handle_on_time = 1`),
      },
    },
    {
      from: 'case',
      where: between('c.rated_on', period),
      month: dayMonth('c.rated_on'),
      values: {
        rated: one,
        ratedResolved: when(sql`c.rating_resolved = 1`),
        satisfied: when(sql`c.rating = 'satisfied'`),
        basicallySatisfied: when(sql`c.rating = 'basically_satisfied'`),
        dissatisfied: when(sql`c.rating = 'dissatisfied'`),
      },
    },
    {
      from: 'event',
      where: sql<SqlBool>`(e.type IN ('reject', 'reopen', 'void', 'merge') AND e.at >= ${fromInstant} AND e.at < ${toInstant})`,
      month: instantMonth(dialect, 'e.at'),
      values: {
        rework: when(sql`e.type IN ('reject', 'reopen')`),
        voided: when(voidedHere),
        excluded: when(sql`${voidedHere} AND ${excluded}`),
      },
    },
    // Apart from the others: only these rows need the event's data, read from the row, not the index.
    {
      from: 'event',
      where: sql<SqlBool>`(e.type = 'decide_request' AND e.at >= ${fromInstant} AND e.at < ${toInstant})`,
      month: instantMonth(dialect, 'e.at'),
      values: { extensions: when(granted(dialect, 'extension')), deferrals: when(granted(dialect, 'deferral')) },
    },
  ];
  // By category the console shows only what was received and closed.
  if (grouping === 'category') return list.filter((b) => b.values.received || b.values.closed);
  // The backlog has no date of its own: it belongs to the totals, never to a month.
  if (grouping !== 'month') {
    list.push({
      from: 'case',
      where: sql<SqlBool>`(c.overdue = 1 AND c.status IN (${sql.join([...OPEN_STATUSES])}))`,
      month: sql<string>`''`,
      values: { overdueOpen: one },
    });
  }
  return list;
}

/**
 * The group key. Columns are wrapped (`|| ''`, which keeps NULL as NULL) so the planner does not walk an index in
 * key order for the GROUP BY — that would read every case row instead of the period's range of a covering index.
 */
function groupKey(grouping: MetricsGrouping, branch: Branch): RawBuilder<string | null> {
  switch (grouping) {
    case 'none':
      return sql`''`;
    case 'month':
      return branch.month;
    case 'category':
      return sql`(c.category_id || '')`;
    case 'grid':
      return sql`(c.grid_id || '')`;
    case 'compound':
      return sql`(c.compound_id || '')`;
    case 'community':
      return sql`(c.community_id || '')`;
    case 'unit':
      return sql`(c.unit_kind || ':' || c.unit_id)`;
  }
}

/** One family's counts per group, already summed, so the outer query adds a handful of rows per branch. */
function branchSql(grouping: MetricsGrouping, scope: Expression<SqlBool>, branch: Branch) {
  const label = grouping === 'unit' ? sql`MAX(c.unit_name)` : sql`CAST(NULL AS TEXT)`;
  const columns = COUNT_KEYS.map((k) => {
    const value = branch.values[k];
    return value ? sql`SUM(${value}) AS ${sql.ref(k)}` : sql`0 AS ${sql.ref(k)}`;
  });
  const source =
    branch.from === 'case' ? sql`civic_case c` : sql`civic_case_event e INNER JOIN civic_case c ON c.id = e.case_id`;
  const key = groupKey(grouping, branch);
  // Without a grouping the branch is one aggregate row (PostgreSQL refuses GROUP BY a constant).
  const groupBy = grouping === 'none' ? sql`` : sql`GROUP BY ${key}`;
  return sql`SELECT ${key} AS k, ${label} AS label, ${sql.join(columns)}
    FROM ${source} WHERE ${scope} AND ${branch.where} ${groupBy}`;
}

type CountRow = { k: string | null; label: string | null } & Record<keyof CaseCounts, number | string | null>;

/** The grouped counts query itself (exported so the measurement script can print its plan). */
export function countsQuery(dialect: Dialect, input: CountsInput): RawBuilder<CountRow> {
  const parts = branches(dialect, input.period, input.settings, input.grouping).map((b) =>
    branchSql(input.grouping, input.scope, b),
  );
  const sums = COUNT_KEYS.map((k) => sql`SUM(u.${sql.ref(k)}) AS ${sql.ref(k)}`);
  return sql<CountRow>`SELECT u.k AS k, MAX(u.label) AS label, ${sql.join(sums)}
    FROM (${sql.join(parts, sql` UNION ALL `)}) u GROUP BY u.k`;
}

/**
 * The counts of the cases whose place lies in `scope` (a filter on the alias `c`, e.g. `pathStartsWith('c.path',
 * …)`) over the period, one entry per group (a single entry with key '' for `none`). Grouped by `category`, only
 * the received and closed families are counted (all the breakdown shows); by `month`, `overdueOpen` stays 0.
 * From the tally when it can answer (see above); a group that counts nothing may be left out there.
 */
export async function countsByGroup(db: Db, dialect: Dialect, input: CountsInput): Promise<GroupCounts[]> {
  const by = TALLY_DIMENSIONS[input.grouping];
  if (input.scopePath !== undefined && by) return countsFromTally(db, { ...input, scopePath: input.scopePath, by });
  return countsFromIndexes(db, dialect, input);
}

/** `countsByGroup` from the covering indexes of the case rows and the event log: the reference. */
export async function countsFromIndexes(db: Db, dialect: Dialect, input: CountsInput): Promise<GroupCounts[]> {
  const result = await countsQuery(dialect, input).execute(db);
  return result.rows.map((row) => {
    const counts = { ...ZERO_COUNTS };
    for (const k of COUNT_KEYS) counts[k] = toNumber(row[k]);
    return { key: row.k, label: row.label, counts };
  });
}

/**
 * How many of the cases received in the period are in each status now: live (a status has no date to tally by).
 * The key is wrapped, as in `groupKey`: grouped by the bare column, SQLite walks a status index over every case
 * row instead of the period's range of the received-facts covering index (3× slower for a county-year).
 */
export async function receivedByStatus(
  db: Db,
  input: { scope: Expression<SqlBool>; period: MetricsPeriod },
): Promise<{ status: string; count: number }[]> {
  const result = await sql<{ status: string; n: number | string }>`SELECT (c.status || '') AS status, COUNT(*) AS n
    FROM civic_case c WHERE ${input.scope} AND ${between('c.received_on', input.period)}
    GROUP BY (c.status || '') ORDER BY 1`.execute(db);
  return result.rows.map((r) => ({ status: r.status, count: toNumber(r.n) }));
}
