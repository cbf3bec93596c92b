import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { isoNow } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { Trx } from '../../platform/transaction.ts';
import { insertOrgUnitRow } from './org-unit.repository.ts';

/** Depth is the number of segments in the path, so a compound branch counts its compound's segment too. */
export const depthOf = (path: string): number => path.split('/').filter(Boolean).length;

/** The compound's branch org node (小区党支部), if it has one. */
export const findBranchOrgRow = (db: Db, compoundId: string) =>
  db
    .selectFrom('org_unit')
    .selectAll()
    .where('compound_id', '=', compoundId)
    .where('kind', '=', 'branch')
    .executeTakeFirst();

/**
 * Inserts a compound's branch: its parent is the compound's community node (so the tree shows it there), while
 * its path runs through the compound, so a compound-scoped secretary's scope covers it and its party groups.
 */
export async function insertBranchOrgUnit(
  trx: Trx,
  ctx: Ctx,
  input: { compound: { id: string; path: string; orgId: string }; name: string; sortOrder?: number },
): Promise<{ id: string; path: string }> {
  const id = newId();
  const path = `${input.compound.path}${id}/`;
  const now = isoNow(ctx.clock);
  await insertOrgUnitRow(trx, {
    id,
    parent_id: input.compound.orgId,
    kind: 'branch',
    sector: 'compound',
    name: input.name,
    compound_id: input.compound.id,
    path,
    depth: depthOf(path),
    sort_order: input.sortOrder ?? 0,
    created_at: now,
    updated_at: now,
  });
  return { id, path };
}

/**
 * Keeps the four-party view and the tree in step: the compound's `branch` party points at the branch node,
 * created empty when the branch was made through the tree.
 */
export async function linkBranchParty(
  trx: Trx,
  ctx: Ctx,
  input: { compoundId: string; orgId: string; name: string },
): Promise<void> {
  const now = isoNow(ctx.clock);
  const existing = await trx
    .selectFrom('compound_party')
    .select('id')
    .where('compound_id', '=', input.compoundId)
    .where('kind', '=', 'branch')
    .executeTakeFirst();
  if (existing) {
    await trx
      .updateTable('compound_party')
      .set({ org_id: input.orgId, updated_at: now, version: sql`version + 1` })
      .where('id', '=', existing.id)
      .execute();
    return;
  }
  await trx
    .insertInto('compound_party')
    .values({
      id: newId(),
      compound_id: input.compoundId,
      kind: 'branch',
      name: input.name,
      org_id: input.orgId,
      created_at: now,
      updated_at: now,
    })
    .execute();
}
