import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../platform/sql-helpers.ts';
import { OPEN_STATUSES } from '../workflow/civic-case-status.ts';

/*
 * The overdue backlog: open cases whose `overdue` flag is up now. It has no date (the rows keep no history of the
 * flag), so it is never in the tally: it is read live, from the partial index of migration 0011 that holds only
 * the overdue cases.
 */

const openAndOverdue = sql<SqlBool>`c.overdue = 1 AND c.status IN (${sql.join([...OPEN_STATUSES])})`;

/** The current overdue backlog of the scope (a filter on the alias `c`): the totals' `overdueOpen`. */
export async function overdueOpenCount(db: Db, scope: Expression<SqlBool>): Promise<number> {
  const result = await sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM civic_case c
    WHERE ${scope} AND ${openAndOverdue}`.execute(db);
  return toNumber(result.rows[0]?.n);
}

/** The current overdue backlog of the scope per compound or per community. */
export async function overdueOpenBy(
  db: Db,
  scope: Expression<SqlBool>,
  column: 'compound_id' | 'community_id',
): Promise<Map<string, number>> {
  const key = sql.ref(`c.${column}`);
  const result = await sql<{ k: string; n: number | string }>`SELECT ${key} AS k, COUNT(*) AS n FROM civic_case c
    WHERE ${scope} AND ${openAndOverdue} GROUP BY ${key}`.execute(db);
  return new Map(result.rows.map((r) => [r.k, toNumber(r.n)]));
}
