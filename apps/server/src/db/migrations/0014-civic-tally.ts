import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Dialect } from '../database.ts';
import { type LinliMigration, pathColumn } from './migration-helpers.ts';

/** The count columns of `civic_case_tally`, in the order of `CaseCounts` (voids split by reason). */
export const TALLY_COUNT_COLUMNS = [
  'received',
  'accepted',
  'dispatched',
  'responded',
  'closed',
  'closed_resolved',
  'closed_on_time',
  'rated',
  'rated_resolved',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'rework',
  'voided_duplicate',
  'voided_out_of_scope',
  'voided_insufficient',
  'voided_not_responsible',
  'voided_referred',
  'extensions',
  'deferrals',
] as const;

export type TallyColumn = (typeof TALLY_COUNT_COLUMNS)[number];

const VOIDED_PREFIX = 'voided_';
const VOIDED_COLUMNS = TALLY_COUNT_COLUMNS.filter((c) => c.startsWith(VOIDED_PREFIX));

/** The Asia/Shanghai day `YYYY-MM-DD` of a stored UTC instant. */
const shanghaiDay = (dialect: Dialect, column: string): RawBuilder<string> =>
  dialect === 'postgres'
    ? sql<string>`to_char(${sql.ref(column)}::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`
    : sql<string>`strftime('%Y-%m-%d', ${sql.ref(column)}, '+8 hours')`;

/**
 * The compound's path as the case carries it: its own path cut after the compound's segment (a case in a grid
 * hangs one level below). Without that segment, the case's path itself — the same rule as `compoundPathOf` in the
 * 民情 module, which maintains the rows; "C" collation on PostgreSQL, as the column has.
 */
function compoundPath(dialect: Dialect): RawBuilder<string> {
  const segment = sql`('/' || c.compound_id || '/')`;
  const at = dialect === 'postgres' ? sql`strpos(c.path, ${segment})` : sql`instr(c.path, ${segment})`;
  const cut = sql`CASE WHEN ${at} = 0 THEN c.path ELSE substr(c.path, 1, ${at} + length(c.compound_id) + 1) END`;
  return dialect === 'postgres' ? sql<string>`(${cut}) COLLATE "C"` : sql<string>`${cut}`;
}

/** A field of the event's JSON `data`, as text ('true' for a JSON true on both databases). */
const dataField = (dialect: Dialect, field: 'grant' | 'kind'): RawBuilder<string> =>
  dialect === 'postgres'
    ? sql<string>`(e.data::jsonb ->> ${field})`
    : sql<string>`(CASE json_type(e.data, ${`$.${field}`}) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false'
        ELSE json_extract(e.data, ${`$.${field}`}) END)`;

const ALWAYS = sql`1 = 1`;

interface FactFamily {
  from: 'case' | 'event';
  day: RawBuilder<string>;
  where: RawBuilder<unknown>;
  /** The columns this family counts, each with the condition under which a row of it counts one. */
  counts: Partial<Record<TallyColumn, RawBuilder<unknown>>>;
}

/**
 * One family per fact, each on its own date, exactly as `countsByGroup` counts them in `metrics.repository.ts`
 * of the 民情 module (closed only while the case is closed; a void by the case's reason, a merge a duplicate; a
 * granted extension or deferral by the decision's data).
 */
function factFamilies(dialect: Dialect): FactFamily[] {
  const eventDay = shanghaiDay(dialect, 'e.at');
  const reason = sql`COALESCE(c.void_reason, CASE WHEN e.type = 'merge' THEN 'duplicate' END)`;
  const granted = (kind: string) => sql`${dataField(dialect, 'kind')} = ${kind}`;
  return [
    { from: 'case', day: sql`c.received_on`, where: sql`c.received_on IS NOT NULL`, counts: { received: ALWAYS } },
    {
      from: 'case',
      day: shanghaiDay(dialect, 'c.accepted_at'),
      where: sql`c.accepted_at IS NOT NULL`,
      counts: { accepted: ALWAYS },
    },
    {
      from: 'case',
      day: sql`c.dispatched_on`,
      where: sql`c.dispatched_on IS NOT NULL`,
      counts: { dispatched: ALWAYS, responded: sql`c.responded = 1` },
    },
    {
      from: 'case',
      day: sql`c.closed_on`,
      where: sql`c.closed_on IS NOT NULL AND c.status = 'closed'`,
      counts: {
        closed: ALWAYS,
        closed_resolved: sql`c.end_type = 'resolved'`,
        closed_on_time: sql`c.handle_on_time = 1`,
      },
    },
    {
      from: 'case',
      day: sql`c.rated_on`,
      where: sql`c.rated_on IS NOT NULL`,
      counts: {
        rated: ALWAYS,
        rated_resolved: sql`c.rating_resolved = 1`,
        satisfied: sql`c.rating = 'satisfied'`,
        basically_satisfied: sql`c.rating = 'basically_satisfied'`,
        dissatisfied: sql`c.rating = 'dissatisfied'`,
      },
    },
    { from: 'event', day: eventDay, where: sql`e.type IN ('reject', 'reopen')`, counts: { rework: ALWAYS } },
    {
      from: 'event',
      day: eventDay,
      where: sql`e.type IN ('void', 'merge') AND e.to_status = 'voided'`,
      counts: Object.fromEntries(VOIDED_COLUMNS.map((c) => [c, sql`${reason} = ${c.slice(VOIDED_PREFIX.length)}`])),
    },
    {
      from: 'event',
      day: eventDay,
      where: sql`e.type = 'decide_request' AND ${dataField(dialect, 'grant')} = 'true'`,
      counts: { extensions: granted('extension'), deferrals: granted('deferral') },
    },
  ];
}

function familySql(family: FactFamily, path: RawBuilder<string>): RawBuilder<unknown> {
  const columns = TALLY_COUNT_COLUMNS.map((column) => {
    const condition = family.counts[column];
    const value = condition ? sql`CASE WHEN ${condition} THEN 1 ELSE 0 END` : sql`0`;
    return sql`${value} AS ${sql.ref(column)}`;
  });
  const source =
    family.from === 'case' ? sql`civic_case c` : sql`civic_case_event e INNER JOIN civic_case c ON c.id = e.case_id`;
  return sql`SELECT ${family.day} AS bucket, c.compound_id AS compound_id, c.category_id AS category_id,
    c.community_id AS community_id, ${path} AS path, ${sql.join(columns)}
    FROM ${source} WHERE ${family.where}`;
}

const sums = (alias: string) =>
  sql.join(TALLY_COUNT_COLUMNS.map((c) => sql`SUM(${sql.ref(`${alias}.${c}`)}) AS ${sql.ref(c)}`));

/**
 * Every row of the tally computed afresh from `civic_case` and `civic_case_event`: the day rows, and the month
 * rows summed from them; rows that count nothing are left out. Columns: grain, bucket, compound_id, category_id,
 * community_id, path and the count columns. The one definition of the rows, for the backfill below and for the
 * 民情 module's rebuild and consistency check.
 */
export function freshCivicTally(dialect: Dialect): RawBuilder<unknown> {
  const path = compoundPath(dialect);
  const union = sql.join(
    factFamilies(dialect).map((f) => familySql(f, path)),
    sql` UNION ALL `,
  );
  const anything = sql.join(
    TALLY_COUNT_COLUMNS.map((c) => sql`u.${sql.ref(c)}`),
    sql` + `,
  );
  const columns = sql.join(TALLY_COUNT_COLUMNS.map((c) => sql`d.${sql.ref(c)}`));
  return sql`WITH tally_day AS (
      SELECT u.bucket AS bucket, u.compound_id AS compound_id, u.category_id AS category_id,
        MAX(u.community_id) AS community_id, MAX(u.path) AS path, ${sums('u')}
      FROM (${union}) u
      GROUP BY u.bucket, u.compound_id, u.category_id
      HAVING SUM(${anything}) > 0
    )
    SELECT CAST('day' AS text) AS grain, d.bucket AS bucket, d.compound_id AS compound_id,
      d.category_id AS category_id, d.community_id AS community_id, d.path AS path, ${columns}
    FROM tally_day d
    UNION ALL
    SELECT CAST('month' AS text), substr(d.bucket, 1, 7), d.compound_id, d.category_id, MAX(d.community_id),
      MAX(d.path), ${sums('d')}
    FROM tally_day d
    GROUP BY substr(d.bucket, 1, 7), d.compound_id, d.category_id`;
}

/**
 * Empties the tally and fills it again from the cases and their events, in the caller's transaction: the backfill
 * of this migration, and the 民情 module's `rebuildCivicTally` after a bulk load.
 */
export async function refillCivicTally<T>(db: Kysely<T>, dialect: Dialect): Promise<void> {
  await sql`DELETE FROM civic_case_tally`.execute(db);
  const columns = sql.join(TALLY_COUNT_COLUMNS.map((c) => sql.ref(c)));
  await sql`INSERT INTO civic_case_tally (grain, bucket, compound_id, category_id, community_id, path, ${columns})
    ${freshCivicTally(dialect)}`.execute(db);
}

/**
 * Counters of 民情 facts kept in the transaction that changes a case (DESIGN §3: statistics from counters, never
 * from scanning at request time): per compound and category, one row per day (`grain = 'day'`, bucket
 * `YYYY-MM-DD`) and one per month (`grain = 'month'`, bucket `YYYY-MM`), each fact on its own date in Asia/Shanghai
 * (received_on, the day of accepted_at, dispatched_on, closed_on, rated_on, the event's day). A county-year is then
 * twelve month buckets per compound and category instead of every case's index entries; a period that does not
 * start or end on a month boundary adds the day rows of its partial months. `path` is the compound's path, so scope
 * filters are the same prefix ranges as on the case rows.
 *
 * The primary key leads with (grain, bucket), so a county-wide period is one contiguous range of it — on SQLite
 * the table itself (WITHOUT ROWID), with no look-up per row; the (grain, path, bucket) index serves narrow scopes.
 * Existing cases are counted in by `refillCivicTally`.
 */
export const civicTallyMigration: LinliMigration = {
  async up(db: Kysely<unknown>, dialect) {
    let table = db.schema
      .createTable('civic_case_tally')
      .addColumn('grain', 'text', (c) => c.notNull())
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('compound_id', 'text', (c) => c.notNull())
      .addColumn('category_id', 'text', (c) => c.notNull())
      .addColumn('community_id', 'text', (c) => c.notNull())
      .addColumn('path', 'text', pathColumn(dialect));
    for (const column of TALLY_COUNT_COLUMNS) {
      table = table.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
    }
    table = table.addPrimaryKeyConstraint('civic_case_tally_pk', ['grain', 'bucket', 'compound_id', 'category_id']);
    await (dialect === 'sqlite' ? table.modifyEnd(sql`WITHOUT ROWID`) : table).execute();
    await db.schema
      .createIndex('civic_case_tally_path_idx')
      .on('civic_case_tally')
      .columns(['grain', 'path', 'bucket'])
      .execute();
    await refillCivicTally(db, dialect);
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('civic_case_tally').execute();
  },
};
