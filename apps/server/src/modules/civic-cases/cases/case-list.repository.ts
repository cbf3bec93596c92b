import type { CivicCaseListQuery, CivicCaseStatus } from '@linli/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { inScope } from '../../../platform/access/authorize.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Keyset } from '../../../platform/keyset-paging.ts';
import { likeContains, likeEscape, pathStartsWith, sqlFalse } from '../../../platform/sql-helpers.ts';
import { unitCasesFilter, visibleCasesFilter } from '../case-access.ts';
import { type CaseSummaryRow, caseSummaryQuery } from './case.repository.ts';

/** The list's filters once resolved: statuses checked, a category widened to its children, an org to its path. */
export interface CaseFilters {
  view: CivicCaseListQuery['view'];
  statuses?: CivicCaseStatus[];
  categoryIds?: string[];
  orgPath?: string;
  urgency?: CivicCaseListQuery['urgency'];
  channel?: CivicCaseListQuery['channel'];
  kind?: CivicCaseListQuery['kind'];
  compoundId?: string;
  gridId?: string;
  unitId?: string;
  overdue?: boolean;
  from?: string;
  to?: string;
  q?: string;
  sort: CivicCaseListQuery['sort'];
  order: CivicCaseListQuery['order'];
}

/** What waits on the unit: dispatched to it and not yet answered (a deferred case comes back to it). */
const UNIT_WAITING: CivicCaseStatus[] = ['dispatched', 'signed', 'in_progress', 'rework', 'deferred'];
/** What waits on the dispatcher: intake to sort out, and verified cases to close. */
const DISPATCH_WAITING: CivicCaseStatus[] = ['submitted', 'triaged', 'accepted', 'verified'];

const statusIn = (statuses: readonly CivicCaseStatus[]): Expression<SqlBool> =>
  sql<SqlBool>`civic_case.status IN (${sql.join(statuses.map((s) => sql.lit(s)))})`;

/**
 * `view=inbox`: cases that wait for me — my units' open work; handled cases to verify where I verify; intake,
 * verified cases and pending requests where I dispatch.
 */
function inboxFilter(actor: Actor): Expression<SqlBool> {
  return sql<SqlBool>`((${unitCasesFilter(actor, 'civic_case')} AND ${statusIn(UNIT_WAITING)})
    OR (${inScope(actor, 'civic_case.verify', 'civic_case.path')} AND civic_case.status = 'handled')
    OR (${inScope(actor, 'civic_case.dispatch', 'civic_case.path')}
        AND (${statusIn(DISPATCH_WAITING)} OR civic_case.pending_request IS NOT NULL)))`;
}

/** `view=supervision`: overdue, supervised or returned cases where I supervise the place or the unit. */
function supervisionFilter(actor: Actor): Expression<SqlBool> {
  return sql<SqlBool>`((civic_case.overdue = 1 OR civic_case.open_supervisions > 0 OR civic_case.rework_count > 0)
    AND (${inScope(actor, 'civic_case.supervise', 'civic_case.path')}
      OR ${inScope(actor, 'civic_case.supervise', 'civic_case.unit_path')}))`;
}

/**
 * The sort key as SQL. Cases without a deadline (deferred, finished) sort last whatever the order: an empty
 * key is below every timestamp, a far-future one above.
 */
export function sortKey(filters: Pick<CaseFilters, 'sort' | 'order'>): Expression<string> {
  switch (filters.sort) {
    case 'created':
      return sql<string>`civic_case.created_at`;
    case 'updated':
      return sql<string>`civic_case.updated_at`;
    case 'deadline': {
      const missing = filters.order === 'asc' ? '9999-12-31T23:59:59.999Z' : '';
      return sql<string>`coalesce(civic_case.deadline_at, ${sql.lit(missing)})`;
    }
  }
}

/** The key of a row as `sortKey` computes it in SQL, for the cursor. */
export function keyOfRow(row: CaseSummaryRow, filters: Pick<CaseFilters, 'sort' | 'order'>): string {
  switch (filters.sort) {
    case 'created':
      return row.created_at;
    case 'updated':
      return row.updated_at;
    case 'deadline':
      return row.deadline_at ?? (filters.order === 'asc' ? '9999-12-31T23:59:59.999Z' : '');
  }
}

function filterConditions(actor: Actor, f: CaseFilters): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [visibleCasesFilter(actor)];
  if (f.view === 'inbox') where.push(inboxFilter(actor));
  if (f.view === 'supervision') where.push(supervisionFilter(actor));
  if (f.statuses) where.push(f.statuses.length > 0 ? statusIn(f.statuses) : sqlFalse());
  if (f.categoryIds) {
    where.push(sql<SqlBool>`civic_case.category_id IN (${sql.join(f.categoryIds.map((id) => sql`${id}`))})`);
  }
  if (f.orgPath !== undefined) where.push(pathStartsWith('civic_case.path', f.orgPath));
  const equal = (column: string, value: string | undefined) => {
    if (value !== undefined) where.push(sql<SqlBool>`${sql.ref(column)} = ${value}`);
  };
  equal('civic_case.urgency', f.urgency);
  equal('civic_case.channel', f.channel);
  equal('civic_case.kind', f.kind);
  equal('civic_case.compound_id', f.compoundId);
  equal('civic_case.grid_id', f.gridId);
  equal('civic_case.unit_id', f.unitId);
  if (f.overdue !== undefined) where.push(sql<SqlBool>`civic_case.overdue = ${f.overdue ? 1 : 0}`);
  if (f.from !== undefined) where.push(sql<SqlBool>`civic_case.received_on >= ${f.from}`);
  if (f.to !== undefined) where.push(sql<SqlBool>`civic_case.received_on <= ${f.to}`);
  if (f.q !== undefined && f.q !== '') {
    const prefix = `${likeContains(f.q).slice(1, -1)}%`;
    where.push(sql<SqlBool>`(civic_case.number LIKE ${prefix} ${likeEscape}
      OR civic_case.title LIKE ${likeContains(f.q)} ${likeEscape})`);
  }
  return where;
}

/**
 * Cases the actor may see that match the filters, in the chosen order with the id as tie-breaker, `limit + 1`
 * rows after `after` (the extra row says whether a next page exists).
 */
export function listCaseRows(
  db: Db,
  actor: Actor,
  filters: CaseFilters,
  page: { after: Keyset | undefined; limit: number },
): Promise<CaseSummaryRow[]> {
  const key = sortKey(filters);
  const op = sql.raw(filters.order === 'asc' ? '>' : '<');
  const where = filterConditions(actor, filters);
  const { after } = page;
  if (after) {
    where.push(
      sql<SqlBool>`(${key} ${op} ${after.key} OR (${key} = ${after.key} AND civic_case.id ${op} ${after.id}))`,
    );
  }
  return caseSummaryQuery(db)
    .where((eb) => eb.and(where))
    .orderBy(key, filters.order)
    .orderBy('civic_case.id', filters.order)
    .limit(page.limit + 1)
    .execute();
}
