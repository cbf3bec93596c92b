import {
  type CompoundDetail,
  CreateCompoundBodySchema,
  type OrgKind,
  UpdateCompoundBodySchema,
} from '@linli/contracts';
import type { z } from 'zod';
import { authorize, requireActor } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { isoNow } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { type Trx, transact } from '../../platform/transaction.ts';
import { definedColumns, updateAtVersion } from '../../platform/versioned-update.ts';
import { getCompoundRow, loadCompoundDetail } from './compound.service.ts';
import { insertBranchOrgUnit } from './compound-branch.ts';
import { canHoldChild } from './org-kinds.ts';
import type { OrgUnitRow } from './org-unit.repository.ts';
import { getOrgUnitRow } from './org-unit.service.ts';
import { invalidInput } from './organisation-errors.ts';
import { writePartyPeople } from './party-people.ts';

type CreateCompoundBody = z.infer<typeof CreateCompoundBodySchema>;

/**
 * Where a compound may hang: a community or town node, not a 党小组 and not another compound's branch; and
 * when it comes with a branch party, a node that can hold a branch.
 */
function assertCompoundHome(org: OrgUnitRow, body: CreateCompoundBody): void {
  if (org.kind === 'party_group' || org.compound_id !== null) throw invalidInput('body.orgId', 'notACompoundHome');
  const kinds = body.parties.map((p) => p.kind);
  if (new Set(kinds).size !== kinds.length) throw invalidInput('body.parties', 'duplicatePartyKind');
  if (kinds.includes('branch') && !canHoldChild(org.kind as OrgKind, 'branch')) {
    throw invalidInput('body.parties', 'branchNotAllowedUnderOrg');
  }
}

async function insertParties(
  trx: Trx,
  ctx: Ctx,
  compound: { id: string; path: string; orgId: string },
  parties: CreateCompoundBody['parties'],
): Promise<string | null> {
  const now = isoNow(ctx.clock);
  let branchOrgId: string | null = null;
  for (const [i, party] of parties.entries()) {
    const orgId =
      party.kind === 'branch' ? (await insertBranchOrgUnit(trx, ctx, { compound, name: party.name })).id : null;
    if (orgId) branchOrgId = orgId;
    const partyId = newId();
    await trx
      .insertInto('compound_party')
      .values({
        id: partyId,
        compound_id: compound.id,
        kind: party.kind,
        name: party.name,
        org_id: orgId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await writePartyPeople(
      trx,
      ctx,
      { id: partyId, compoundId: compound.id },
      party.people,
      `body.parties.${i}.people`,
    );
  }
  return branchOrgId;
}

/**
 * Registers a compound under its community/town node (`compound.write` over that node), with any of its four
 * parties; a `branch` party also creates the compound's branch org node. Phones are stored encrypted. A person
 * `id` is 400 here: a new party has nobody on it yet to keep.
 */
export async function createCompound(
  ctx: Ctx,
  input: z.input<typeof CreateCompoundBodySchema>,
): Promise<CompoundDetail> {
  const body = CreateCompoundBodySchema.parse(input);
  requireActor(ctx);
  const org = await getOrgUnitRow(ctx.db, body.orgId);
  authorize(ctx, 'compound.write', org);
  assertCompoundHome(org, body);
  return transact(ctx, async (trx) => {
    const id = newId();
    const path = `${org.path}${id}/`;
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('compound')
      .values({
        id,
        name: body.name,
        org_id: org.id,
        path,
        address: body.address,
        household_count: body.householdCount,
        building_count: body.buildingCount,
        rollout_stage: body.rolloutStage,
        lng: body.location?.lng ?? null,
        lat: body.location?.lat ?? null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const branchOrgId = await insertParties(trx, ctx, { id, path, orgId: org.id }, body.parties);
    await appendAudit(trx, ctx, {
      action: 'compound.create',
      objectType: 'compound',
      objectId: id,
      details: { name: body.name, orgId: org.id, parties: body.parties.map((p) => p.kind), branchOrgId },
    });
    if (branchOrgId) {
      await appendAudit(trx, ctx, {
        action: 'org.create',
        objectType: 'org_unit',
        objectId: branchOrgId,
        details: { parentId: org.id, kind: 'branch', compoundId: id },
      });
    }
    return loadCompoundDetail(trx, ctx, await getCompoundRow(trx, id));
  });
}

/**
 * Edits a compound's own fields (REL-7: only the version the editor read; its org and parties change elsewhere).
 * `location: null` clears the map point, both coordinates together.
 */
export async function updateCompound(
  ctx: Ctx,
  id: string,
  input: z.input<typeof UpdateCompoundBodySchema>,
  expectedVersion: number,
): Promise<CompoundDetail> {
  const body = UpdateCompoundBodySchema.parse(input);
  requireActor(ctx);
  const row = await getCompoundRow(ctx.db, id);
  authorize(ctx, 'compound.write', row);
  return transact(ctx, async (trx) => {
    await updateAtVersion(trx, ctx, {
      table: 'compound',
      id,
      expectedVersion,
      changes: {
        ...definedColumns(body, {
          name: 'name',
          address: 'address',
          householdCount: 'household_count',
          buildingCount: 'building_count',
          rolloutStage: 'rollout_stage',
        }),
        ...(body.location === undefined ? {} : { lng: body.location?.lng ?? null, lat: body.location?.lat ?? null }),
      },
    });
    await appendAudit(trx, ctx, {
      action: 'compound.update',
      objectType: 'compound',
      objectId: id,
      details: { fields: Object.keys(body) },
    });
    return loadCompoundDetail(trx, ctx, await getCompoundRow(trx, id));
  });
}
