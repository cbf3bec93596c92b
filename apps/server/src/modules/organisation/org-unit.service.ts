import {
  type Abilities,
  type OrgKind,
  type OrgSector,
  type OrgUnit,
  type OrgUnitDetailSchema,
  UpdateOrgUnitBodySchema,
} from '@linli/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { authorize, can, requireActor } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { toNumber } from '../../platform/sql-helpers.ts';
import { type Trx, transact } from '../../platform/transaction.ts';
import { definedColumns, updateAtVersion } from '../../platform/versioned-update.ts';
import {
  countOrgDependents,
  deleteOrgUnitRow,
  findOrgUnitRow,
  listChildRows,
  listOrgUnitsByIds,
  listScopeRootRows,
  type OrgUnitRow,
} from './org-unit.repository.ts';
import { orgUnitAbilities } from './organisation.policy.ts';

export type OrgUnitDetail = z.infer<typeof OrgUnitDetailSchema>;

export const toOrgUnit = (row: OrgUnitRow): OrgUnit => ({
  id: row.id,
  parentId: row.parent_id,
  kind: row.kind as OrgKind,
  sector: row.sector as OrgSector,
  name: row.name,
  compoundId: row.compound_id,
  sortOrder: row.sort_order,
  childCount: toNumber(row.child_count),
  version: row.version,
});

/** The org node or 404. */
export async function getOrgUnitRow(db: Db, id: string): Promise<OrgUnitRow> {
  const row = await findOrgUnitRow(db, id);
  if (!row) throw notFound('org_unit');
  return row;
}

/**
 * One level of the tree: the children of `parentId` (readable when the parent is in the caller's `org.read`
 * scope), or without it the tops of the caller's scopes, so every user's tree starts where their rights do.
 */
export async function listOrgUnits(ctx: Ctx, query: { parentId?: string | undefined }): Promise<{ items: OrgUnit[] }> {
  const actor = authorize(ctx, 'org.read');
  if (!query.parentId) return { items: (await listScopeRootRows(ctx.db, actor)).map(toOrgUnit) };
  const parent = await getOrgUnitRow(ctx.db, query.parentId);
  authorize(ctx, 'org.read', parent);
  return { items: (await listChildRows(ctx.db, parent.id)).map(toOrgUnit) };
}

const hasNoDependents = (counts: Record<string, number>): boolean => Object.values(counts).every((n) => n === 0);

async function abilitiesOf(ctx: Ctx, row: OrgUnitRow): Promise<Abilities> {
  const parent = row.parent_id ? await findOrgUnitRow(ctx.db, row.parent_id) : undefined;
  // Counting dependents costs a few indexed counts; only worth it when a delete could be offered at all.
  const mayDelete = can(ctx.actor, 'org.write', row) && row.compound_id === null && toNumber(row.child_count) === 0;
  const isEmpty = mayDelete && hasNoDependents(await countOrgDependents(ctx.db, row));
  return orgUnitAbilities(ctx.actor, {
    path: row.path,
    kind: row.kind as OrgKind,
    compoundId: row.compound_id,
    parentPath: parent?.path ?? null,
    isEmpty,
  });
}

/** One node with its ancestors (the breadcrumb) and what the caller may do next with it. */
export async function getOrgUnitDetail(ctx: Ctx, id: string): Promise<OrgUnitDetail> {
  requireActor(ctx);
  const row = await getOrgUnitRow(ctx.db, id);
  authorize(ctx, 'org.read', row);
  const ancestorIds = row.path.split('/').filter(Boolean).slice(0, -1);
  const ancestors = await listOrgUnitsByIds(ctx.db, ancestorIds);
  return {
    ...toOrgUnit(row),
    ancestors: ancestors.map((a) => ({ id: a.id, name: a.name, kind: a.kind as OrgKind })),
    abilities: await abilitiesOf(ctx, row),
  };
}

type UpdateOrgUnitInput = z.input<typeof UpdateOrgUnitBodySchema>;

/** A node's sector carries rules: a compound's branch stays `compound`, a duty-zone holder stays `organ`. */
async function assertSectorChangeAllowed(trx: Trx, row: OrgUnitRow, sector: OrgSector | undefined): Promise<void> {
  if (sector === undefined || sector === row.sector) return;
  if (row.compound_id !== null) throw new AppError('CONFLICT', { details: { reason: 'compoundBranchSector' } });
  const zones = await trx
    .selectFrom('duty_zone')
    .select('id')
    .where('holder_org_id', '=', row.id)
    .limit(1)
    .executeTakeFirst();
  if (zones) throw new AppError('CONFLICT', { details: { reason: 'dutyZoneHolderSector' } });
}

/**
 * Renames or re-sorts a node (REL-7: only the version the editor read). A compound branch's party carries the
 * same name, so a rename is written to both in the same transaction.
 */
export async function updateOrgUnit(
  ctx: Ctx,
  id: string,
  input: UpdateOrgUnitInput,
  expectedVersion: number,
): Promise<OrgUnit> {
  const body = UpdateOrgUnitBodySchema.parse(input);
  requireActor(ctx);
  const row = await getOrgUnitRow(ctx.db, id);
  authorize(ctx, 'org.write', row);
  return transact(ctx, async (trx) => {
    await assertSectorChangeAllowed(trx, row, body.sector);
    const now = await updateAtVersion(trx, ctx, {
      table: 'org_unit',
      id,
      expectedVersion,
      changes: definedColumns(body, { name: 'name', sector: 'sector', sortOrder: 'sort_order' }),
    });
    if (row.compound_id !== null && body.name !== undefined && body.name !== row.name) {
      await trx
        .updateTable('compound_party')
        .set({ name: body.name, updated_at: now, version: sql`version + 1` })
        .where('org_id', '=', id)
        .execute();
    }
    await appendAudit(trx, ctx, {
      action: 'org.update',
      objectType: 'org_unit',
      objectId: id,
      details: { fields: Object.keys(body) },
    });
    return toOrgUnit(await getOrgUnitRow(trx, id));
  });
}

/**
 * Deletes an empty node only: anything hanging below it (child nodes, compounds, grids, zones, partner units,
 * venues, terms, role assignments) answers 409 ORG_HAS_CHILDREN naming what is left, so nothing is orphaned.
 */
export async function deleteOrgUnit(ctx: Ctx, id: string): Promise<void> {
  requireActor(ctx);
  const row = await getOrgUnitRow(ctx.db, id);
  authorize(ctx, 'org.write', row);
  if (row.compound_id !== null) throw new AppError('CONFLICT', { details: { reason: 'compoundBranch' } });
  await transact(ctx, async (trx) => {
    const counts = await countOrgDependents(trx, row);
    if (!hasNoDependents(counts)) {
      const remaining = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
      throw new AppError('ORG_HAS_CHILDREN', { details: remaining });
    }
    await deleteOrgUnitRow(trx, id);
    await appendAudit(trx, ctx, {
      action: 'org.delete',
      objectType: 'org_unit',
      objectId: id,
      details: { name: row.name, kind: row.kind, parentId: row.parent_id },
    });
  });
}
