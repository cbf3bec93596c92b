import { CreateOrgUnitBodySchema, type OrgKind, type OrgSector, type OrgUnit } from '@linli/contracts';
import type { z } from 'zod';
import { authorize, requireActor } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { isoNow } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { type Trx, transact } from '../../platform/transaction.ts';
import { depthOf, findBranchOrgRow, insertBranchOrgUnit, linkBranchParty } from './compound-branch.ts';
import { canHoldChild } from './org-kinds.ts';
import { insertOrgUnitRow, type OrgUnitRow } from './org-unit.repository.ts';
import { getOrgUnitRow, toOrgUnit } from './org-unit.service.ts';
import { invalidInput } from './organisation-errors.ts';

type CreateOrgUnitInput = z.input<typeof CreateOrgUnitBodySchema>;
type CreateOrgUnitBody = z.infer<typeof CreateOrgUnitBodySchema>;

/** A compound's branch: kind `branch`, sector `compound`, under the compound's own org node, one per compound. */
async function insertCompoundBranch(
  trx: Trx,
  ctx: Ctx,
  parent: OrgUnitRow,
  body: CreateOrgUnitBody,
  compoundId: string,
): Promise<string> {
  if (body.kind !== 'branch') throw invalidInput('body.kind', 'compoundBranchKind');
  if (body.sector !== 'compound') throw invalidInput('body.sector', 'compoundBranchSector');
  const compound = await trx
    .selectFrom('compound')
    .select(['id', 'path', 'org_id'])
    .where('id', '=', compoundId)
    .executeTakeFirst();
  if (!compound) throw notFound('compound');
  if (compound.org_id !== parent.id) throw invalidInput('body.compoundId', 'compoundNotUnderParent');
  if (await findBranchOrgRow(trx, compound.id)) throw new AppError('DUPLICATE', { details: { what: 'branch' } });
  const node = await insertBranchOrgUnit(trx, ctx, {
    compound: { id: compound.id, path: compound.path, orgId: compound.org_id },
    name: body.name,
    ...(body.sortOrder === undefined ? {} : { sortOrder: body.sortOrder }),
  });
  await linkBranchParty(trx, ctx, { compoundId: compound.id, orgId: node.id, name: body.name });
  return node.id;
}

async function insertChild(trx: Trx, ctx: Ctx, parent: OrgUnitRow, body: CreateOrgUnitBody): Promise<string> {
  const id = newId();
  const path = `${parent.path}${id}/`;
  const now = isoNow(ctx.clock);
  await insertOrgUnitRow(trx, {
    id,
    parent_id: parent.id,
    kind: body.kind,
    sector: body.sector,
    name: body.name,
    compound_id: null,
    path,
    depth: depthOf(path),
    sort_order: body.sortOrder ?? 0,
    created_at: now,
    updated_at: now,
  });
  return id;
}

/**
 * Adds a node under `parentId`. The kind must fit under the parent's (org-kinds table); a node with
 * `compoundId` is that compound's branch and also becomes its `branch` party. Needs `org.write` on the parent.
 */
export async function createOrgUnit(ctx: Ctx, input: CreateOrgUnitInput): Promise<OrgUnit> {
  const body = CreateOrgUnitBodySchema.parse(input);
  requireActor(ctx);
  const parent = await getOrgUnitRow(ctx.db, body.parentId);
  authorize(ctx, 'org.write', parent);
  if (!canHoldChild(parent.kind as OrgKind, body.kind)) throw invalidInput('body.kind', 'kindNotAllowedUnderParent');
  // Sector `compound` belongs to a compound's branch (given by `compoundId`) and the party groups inside it.
  if (body.sector === 'compound' && !body.compoundId && parent.compound_id === null) {
    throw invalidInput('body.compoundId', 'required');
  }
  return transact(ctx, async (trx) => {
    const id = body.compoundId
      ? await insertCompoundBranch(trx, ctx, parent, body, body.compoundId)
      : await insertChild(trx, ctx, parent, body);
    await appendAudit(trx, ctx, {
      action: 'org.create',
      objectType: 'org_unit',
      objectId: id,
      details: { parentId: parent.id, kind: body.kind, name: body.name, compoundId: body.compoundId ?? null },
    });
    return toOrgUnit(await getOrgUnitRow(trx, id));
  });
}

/**
 * The county's root node, made by the system (the demo seeder, an installation) inside the caller's
 * transaction: there is nobody above a root to authorise it, so the audit row is the only trace.
 */
export async function createRootOrgUnit(
  trx: Trx,
  ctx: Ctx,
  input: { name: string; kind: 'county_committee'; sector?: OrgSector },
): Promise<OrgUnit & { path: string }> {
  const id = newId();
  const path = `/${id}/`;
  const now = isoNow(ctx.clock);
  await insertOrgUnitRow(trx, {
    id,
    parent_id: null,
    kind: input.kind,
    sector: input.sector ?? 'other',
    name: input.name,
    compound_id: null,
    path,
    depth: depthOf(path),
    sort_order: 0,
    created_at: now,
    updated_at: now,
  });
  await appendAudit(trx, ctx, {
    action: 'org.create',
    objectType: 'org_unit',
    objectId: id,
    details: { parentId: null, kind: input.kind, name: input.name },
  });
  return { ...toOrgUnit(await getOrgUnitRow(trx, id)), path };
}
