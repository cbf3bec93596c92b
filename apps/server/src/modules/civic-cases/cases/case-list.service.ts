import {
  CIVIC_CASE_STATUSES,
  type CivicCaseListQuery,
  type CivicCaseStatus,
  type CivicCaseSummary,
  type Page,
} from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { assignmentsWith, requireActor } from '../../../platform/access/authorize.ts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { decodeKeyset, keysetCursor } from '../../../platform/keyset-paging.ts';
import { toPage } from '../../../platform/pagination.ts';
import { type CaseFilters, keyOfRow, listCaseRows } from './case-list.repository.ts';
import { toCaseSummary } from './case-summary.ts';

const invalid = (path: string) =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path: `querystring.${path}`, message: path }] } });

/** The case centre is for staff who read, handle or supervise cases; residents have their own list. */
const CASE_CENTRE = ['civic_case.read', 'civic_case.handle', 'civic_case.supervise'] as const;

/** 401 without a session; 403 for a user holding none of the case centre's permissions anywhere. */
export function authorizeCaseCentre(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!CASE_CENTRE.some((permission) => assignmentsWith(actor, permission).length > 0)) {
    throw new AppError('FORBIDDEN', { details: { permission: 'civic_case.read' } });
  }
  return actor;
}

function parseStatuses(list: string | undefined): CivicCaseStatus[] | undefined {
  if (list === undefined) return undefined;
  const statuses = [...new Set(list.split(','))];
  if (!statuses.every((s): s is CivicCaseStatus => (CIVIC_CASE_STATUSES as readonly string[]).includes(s))) {
    throw invalid('status');
  }
  return statuses;
}

/** A category and every category below it (the tree is small: read it whole). */
async function categoryWithChildren(db: Db, categoryId: string): Promise<string[]> {
  const rows = await db.selectFrom('civic_category').select(['id', 'parent_id']).execute();
  const ids = new Set([categoryId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const row of rows) {
      if (row.parent_id !== null && ids.has(row.parent_id) && !ids.has(row.id)) {
        ids.add(row.id);
        grew = true;
      }
    }
  }
  return [...ids];
}

/**
 * An org node to filter by must meet the caller's scope — lie inside it, or contain it — else it names a place
 * the caller has nothing to do with: 403, rather than an empty page that says the place has no cases.
 */
async function orgPathInScope(db: Db, actor: Actor, orgId: string): Promise<string> {
  const org = await db.selectFrom('org_unit').select('path').where('id', '=', orgId).executeTakeFirst();
  if (!org) throw invalid('orgId');
  const scopes = CASE_CENTRE.flatMap((permission) => assignmentsWith(actor, permission).map((a) => a.scopePath));
  if (!scopes.some((scope) => org.path.startsWith(scope) || scope.startsWith(org.path))) {
    throw new AppError('FORBIDDEN', { details: { permission: 'civic_case.read' } });
  }
  return org.path;
}

/** The list query checked and resolved into SQL-ready filters (shared by the list and the export). */
export async function resolveCaseFilters(
  db: Db,
  actor: Actor,
  query: Omit<CivicCaseListQuery, 'cursor' | 'limit'>,
): Promise<CaseFilters> {
  return {
    view: query.view,
    statuses: parseStatuses(query.status),
    categoryIds: query.categoryId === undefined ? undefined : await categoryWithChildren(db, query.categoryId),
    orgPath: query.orgId === undefined ? undefined : await orgPathInScope(db, actor, query.orgId),
    urgency: query.urgency,
    channel: query.channel,
    kind: query.kind,
    compoundId: query.compoundId,
    gridId: query.gridId,
    unitId: query.unitId,
    overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
    from: query.from,
    to: query.to,
    q: query.q,
    sort: query.sort,
    order: query.order,
  };
}

/** The cursor names its listing, so a cursor taken under another sort or order is a 400, not a wrong page. */
export const listingOf = (filters: Pick<CaseFilters, 'sort' | 'order'>): string => `${filters.sort}:${filters.order}`;

/**
 * `GET /civic-cases`: the case centre and the inboxes. Always within what the user may see
 * (`visibleCasesFilter`: place, supervision, lead or assisting unit — a property company only its own unit's
 * cases, PI-9), narrowed by the view and filters, in keyset pages for each sort.
 */
export async function listCases(ctx: Ctx, query: CivicCaseListQuery): Promise<Page<CivicCaseSummary>> {
  const actor = authorizeCaseCentre(ctx);
  const filters = await resolveCaseFilters(ctx.db, actor, query);
  const listing = listingOf(filters);
  const after = decodeKeyset(query.cursor, listing);
  const rows = await listCaseRows(ctx.db, actor, filters, { after, limit: query.limit });
  const now = ctx.clock.now().toISOString();
  return toPage(
    rows,
    query.limit,
    (row) => toCaseSummary(row, now),
    (row) => keysetCursor(listing, keyOfRow(row, filters), row.id),
  );
}
