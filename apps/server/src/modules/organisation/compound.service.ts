import type { Compound, CompoundDetail, CompoundExportQuery, CompoundListQuery, Page } from '@linli/contracts';
import type { Db } from '../../db/database.ts';
import { authorize, requireActor } from '../../platform/access/authorize.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { toBatchedPage } from '../../platform/pagination.ts';
import { toNumber } from '../../platform/sql-helpers.ts';
import {
  type CompoundFilters,
  type CompoundRow,
  countGridsOf,
  countVenuesOf,
  findCompoundRow,
  listCompoundRows,
  sortKeyOf,
  townNamesByPath,
} from './compound.repository.ts';
import { loadCompoundParties } from './compound-parties.ts';
import { compoundAbilities } from './organisation.policy.ts';
import { decodeKeyset, keysetCursor } from './organisation-paging.ts';

export const toCompound = (row: CompoundRow, townName: string | null): Compound => ({
  id: row.id,
  name: row.name,
  orgId: row.org_id,
  orgName: row.org_name,
  townName,
  address: row.address,
  householdCount: row.household_count,
  buildingCount: row.building_count,
  rolloutStage: row.rollout_stage,
  location: row.lng !== null && row.lat !== null ? { lng: row.lng, lat: row.lat } : null,
  branchOrgId: row.branch_org_id,
  createdAt: row.created_at,
  version: row.version,
});

/** The compound or 404. */
export async function getCompoundRow(db: Db, id: string): Promise<CompoundRow> {
  const row = await findCompoundRow(db, id);
  if (!row) throw notFound('compound');
  return row;
}

/** Turns the query's filters into SQL terms; `orgId` becomes its subtree's path (404 for an unknown node). */
export async function resolveCompoundFilters(db: Db, query: CompoundExportQuery): Promise<CompoundFilters> {
  let orgPath: string | undefined;
  if (query.orgId) {
    const org = await db.selectFrom('org_unit').select('path').where('id', '=', query.orgId).executeTakeFirst();
    if (!org) throw notFound('org_unit');
    orgPath = org.path;
  }
  return {
    q: query.q,
    orgPath,
    rolloutStage: query.rolloutStage,
    hasBranch: query.hasBranch === undefined ? undefined : query.hasBranch === 'true',
  };
}

/** Maps a page of rows, looking the towns up once for the page. */
export async function toCompounds(db: Db, rows: CompoundRow[]): Promise<Compound[]> {
  const towns = await townNamesByPath(
    db,
    rows.map((r) => r.path),
  );
  return rows.map((r) => toCompound(r, towns.get(r.path) ?? null));
}

/**
 * The compounds the caller may read (scope in SQL), filtered and sorted, one keyset page at a time over
 * (sort key, id): stable under inserts, and a cursor from another sort is refused.
 */
export async function listCompounds(ctx: Ctx, query: CompoundListQuery): Promise<Page<Compound>> {
  const actor = authorize(ctx, 'compound.read');
  const sortName = `${query.sort}:${query.order}`;
  const after = decodeKeyset(query.cursor, sortName, query.sort === 'householdCount' ? 'number' : 'string');
  const filters = await resolveCompoundFilters(ctx.db, query);
  const rows = await listCompoundRows(ctx.db, actor, filters, {
    sort: query.sort,
    order: query.order,
    after,
    limit: query.limit,
  });
  return toBatchedPage(
    rows,
    query.limit,
    (page) => toCompounds(ctx.db, page),
    (r) => keysetCursor(sortName, sortKeyOf(r, query.sort), r.id),
  );
}

/** A compound with its four parties, grid and venue counts, and what the caller may do next. */
export async function loadCompoundDetail(db: Db, ctx: Ctx, row: CompoundRow): Promise<CompoundDetail> {
  const [compound] = await toCompounds(db, [row]);
  if (!compound) throw notFound('compound');
  const grids = await countGridsOf(db, row.id);
  const venues = await countVenuesOf(db, row.id);
  return {
    ...compound,
    parties: await loadCompoundParties(db, ctx, row.id),
    gridCount: toNumber(grids.n as string | number),
    venueCount: toNumber(venues.n as string | number),
    abilities: compoundAbilities(ctx.actor, row),
  };
}

/** One compound, readable within the caller's `compound.read` scope. */
export async function getCompoundDetail(ctx: Ctx, id: string): Promise<CompoundDetail> {
  requireActor(ctx);
  const row = await getCompoundRow(ctx.db, id);
  authorize(ctx, 'compound.read', row);
  return loadCompoundDetail(ctx.db, ctx, row);
}
