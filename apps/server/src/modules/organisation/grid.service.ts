import {
  CreateGridBodySchema,
  type Grid,
  type GridDetail,
  type GridListQuerySchema,
  type Page,
  UpdateGridBodySchema,
} from '@linli/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Dialect } from '../../db/database.ts';
import { authorize, requireActor } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { isoNow } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { toBatchedPage } from '../../platform/pagination.ts';
import { pathStartsWith } from '../../platform/sql-helpers.ts';
import { type Trx, transact } from '../../platform/transaction.ts';
import { definedColumns, updateAtVersion } from '../../platform/versioned-update.ts';
import { getCompoundRow } from './compound.service.ts';
import { findGridByCode, findGridRow, type GridRow, listGridRows, listGridWorkerRows } from './grid.repository.ts';
import { pathColumns, rewriteSubtree } from './org-tree-move.ts';
import { getOrgUnitRow } from './org-unit.service.ts';
import { gridAbilities } from './organisation.policy.ts';
import { invalidInput } from './organisation-errors.ts';
import { decodeKeyset, keysetCursor } from './organisation-paging.ts';

/** Maps grid rows, with each grid's workers read in one query for the whole page. */
async function toGrids(db: Db, rows: GridRow[]): Promise<Grid[]> {
  const workers = await listGridWorkerRows(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    orgId: r.org_id,
    orgName: r.org_name,
    compoundId: r.compound_id,
    compoundName: r.compound_name,
    workers: workers.filter((w) => w.grid_id === r.id).map((w) => ({ userId: w.user_id, displayName: w.display_name })),
    version: r.version,
  }));
}

async function getGridRow(db: Db, id: string): Promise<GridRow> {
  const row = await findGridRow(db, id);
  if (!row) throw notFound('grid');
  return row;
}

async function toGrid(db: Db, row: GridRow): Promise<Grid> {
  const [grid] = await toGrids(db, [row]);
  if (!grid) throw notFound('grid');
  return grid;
}

const toGridDetail = async (ctx: Ctx, db: Db, row: GridRow): Promise<GridDetail> => ({
  ...(await toGrid(db, row)),
  abilities: gridAbilities(ctx.actor, row),
});

/** The grids the caller may read, by code, filtered by text, org subtree or compound. */
export async function listGrids(ctx: Ctx, query: z.infer<typeof GridListQuerySchema>): Promise<Page<Grid>> {
  const actor = authorize(ctx, 'grid.read');
  const after = decodeKeyset(query.cursor, 'code:asc', 'string');
  const orgPath = query.orgId ? (await getOrgUnitRow(ctx.db, query.orgId)).path : undefined;
  const rows = await listGridRows(
    ctx.db,
    actor,
    { q: query.q, orgPath, compoundId: query.compoundId },
    after,
    query.limit,
  );
  return toBatchedPage(
    rows,
    query.limit,
    (page) => toGrids(ctx.db, page),
    (r) => keysetCursor('code:asc', r.code, r.id),
  );
}

/** One grid with its workers and whether the caller may edit it; a grid worker reads their own grid. */
export async function getGrid(ctx: Ctx, id: string): Promise<GridDetail> {
  requireActor(ctx);
  const row = await getGridRow(ctx.db, id);
  authorize(ctx, 'grid.read', row);
  return toGridDetail(ctx, ctx.db, row);
}

/** A grid's compound must lie inside the grid's org subtree; the grid's path then runs through the compound. */
async function placeGrid(db: Db, org: { path: string }, compoundId: string | null | undefined) {
  if (!compoundId) return { compoundId: null, parentPath: org.path };
  const compound = await getCompoundRow(db, compoundId);
  if (!compound.path.startsWith(org.path)) throw invalidInput('body.compoundId', 'compoundNotUnderOrg');
  return { compoundId: compound.id, parentPath: compound.path };
}

/**
 * Creates a grid with its 15-digit code (GB/T 2260 area + street + community + sequence, checked by the
 * contract) under an org node, optionally inside one of its compounds. Needs `grid.write` where it lands; a
 * code already in use is 409 DUPLICATE.
 */
export async function createGrid(ctx: Ctx, input: z.input<typeof CreateGridBodySchema>): Promise<Grid> {
  const body = CreateGridBodySchema.parse(input);
  requireActor(ctx);
  const org = await getOrgUnitRow(ctx.db, body.orgId);
  // A grid divides a community or town; a 党小组 or a compound's branch is no place to draw one.
  if (org.kind === 'party_group' || org.compound_id !== null) throw invalidInput('body.orgId', 'notAGridHome');
  const place = await placeGrid(ctx.db, org, body.compoundId);
  authorize(ctx, 'grid.write', { path: place.parentPath });
  return transact(ctx, async (trx) => {
    if (await findGridByCode(trx, body.code)) throw new AppError('DUPLICATE', { details: { what: 'gridCode' } });
    const id = newId();
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('grid')
      .values({
        id,
        code: body.code,
        name: body.name,
        org_id: org.id,
        compound_id: place.compoundId,
        path: `${place.parentPath}${id}/`,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'grid.create',
      objectType: 'grid',
      objectId: id,
      details: { code: body.code, name: body.name, orgId: org.id, compoundId: place.compoundId },
    });
    return toGrid(trx, await getGridRow(trx, id));
  });
}

/**
 * Renames a grid or moves it into (or out of) a compound of its org (REL-7). Moving changes the grid's path,
 * so its grid workers' assignments are rewritten with it and keep seeing their grid. A grid that already holds
 * records (households, visits …) belongs to its compound and is not moved: 409 CONFLICT, `grid_not_empty`.
 */
export async function updateGrid(
  ctx: Ctx,
  id: string,
  input: z.input<typeof UpdateGridBodySchema>,
  expectedVersion: number,
): Promise<GridDetail> {
  const body = UpdateGridBodySchema.parse(input);
  requireActor(ctx);
  const row = await getGridRow(ctx.db, id);
  authorize(ctx, 'grid.write', row);
  const moves = body.compoundId !== undefined && body.compoundId !== row.compound_id;
  const place = moves ? await placeGrid(ctx.db, await getOrgUnitRow(ctx.db, row.org_id), body.compoundId) : undefined;
  if (place) authorize(ctx, 'grid.write', { path: place.parentPath });
  return transact(ctx, async (trx) => {
    const newPath = place ? `${place.parentPath}${id}/` : row.path;
    await updateAtVersion(trx, ctx, {
      table: 'grid',
      id,
      expectedVersion,
      changes: {
        ...definedColumns(body, { name: 'name' }),
        ...(place ? { compound_id: place.compoundId, path: newPath } : {}),
      },
    });
    if (newPath !== row.path) {
      await refuseIfGridHoldsRecords(trx, ctx.dialect, row.path);
      await rewriteSubtree(trx, ctx.dialect, row.path, newPath);
    }
    await appendAudit(trx, ctx, {
      action: 'grid.update',
      objectType: 'grid',
      objectId: id,
      details: { fields: Object.keys(body), compoundId: place?.compoundId ?? row.compound_id },
    });
    return toGridDetail(ctx, trx, await getGridRow(trx, id));
  });
}

/** Rows other than the grid itself and its role assignments whose path lies under the grid. */
async function refuseIfGridHoldsRecords(trx: Trx, dialect: Dialect, gridPath: string): Promise<void> {
  for (const target of await pathColumns(trx, dialect)) {
    if (target.table === 'grid' || target.table === 'role_assignment') continue;
    const row = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(target.table)}
      WHERE ${pathStartsWith(target.column, gridPath)}`.execute(trx);
    if (Number(row.rows[0]?.n ?? 0) > 0) {
      throw new AppError('CONFLICT', { details: { reason: 'grid_not_empty', table: target.table } });
    }
  }
}
