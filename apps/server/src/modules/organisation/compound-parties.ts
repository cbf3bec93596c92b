import {
  COMPOUND_PARTY_KINDS,
  type CompoundParty,
  type CompoundPartyKind,
  type OrgKind,
  ReplaceCompoundPartyBodySchema,
} from '@linli/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { authorize, requireActor } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { isoNow } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { maskPhone } from '../../platform/crypto/mask.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { type Trx, transact } from '../../platform/transaction.ts';
import { updateAtVersion } from '../../platform/versioned-update.ts';
import { type CompoundRow, findCompoundRow } from './compound.repository.ts';
import { findBranchOrgRow, insertBranchOrgUnit } from './compound-branch.ts';
import { canHoldChild } from './org-kinds.ts';
import { invalidInput } from './organisation-errors.ts';
import { writePartyPeople } from './party-people.ts';

const kindRank = (kind: string): number => COMPOUND_PARTY_KINDS.indexOf(kind as CompoundPartyKind);

/**
 * The compound's parties in the fixed order (branch, owners, supervisors, property company), each person with
 * a masked phone (PI-3) and `alsoIn`: the other parties of this compound where the same person sits.
 */
export async function loadCompoundParties(db: Db, ctx: Ctx, compoundId: string): Promise<CompoundParty[]> {
  const parties = await db.selectFrom('compound_party').selectAll().where('compound_id', '=', compoundId).execute();
  const people = await db
    .selectFrom('party_person')
    .selectAll()
    .where('compound_id', '=', compoundId)
    .orderBy('sort_order')
    .execute();
  const kindById = new Map(parties.map((p) => [p.id, p.kind]));
  const kindsByKey = new Map<string, Set<CompoundPartyKind>>();
  for (const person of people) {
    const kind = kindById.get(person.party_id);
    if (!kind) continue;
    const kinds = kindsByKey.get(person.person_key) ?? new Set<CompoundPartyKind>();
    kinds.add(kind);
    kindsByKey.set(person.person_key, kinds);
  }
  return parties
    .sort((a, b) => kindRank(a.kind) - kindRank(b.kind))
    .map((party) => ({
      id: party.id,
      compoundId: party.compound_id,
      kind: party.kind,
      name: party.name,
      orgId: party.org_id,
      version: party.version,
      people: people
        .filter((p) => p.party_id === party.id)
        .map((p) => ({
          id: p.id,
          name: p.name,
          position: p.position,
          phoneMasked: p.phone_cipher ? maskPhone(ctx.cipher.decrypt(p.phone_cipher)) : null,
          alsoIn: [...(kindsByKey.get(p.person_key) ?? [])]
            .filter((k) => k !== party.kind)
            .sort((a, b) => kindRank(a) - kindRank(b)),
        })),
    }));
}

/**
 * The branch party needs its org node: reuse the one made through the tree, else create it under the
 * compound's org, which must be able to hold a branch.
 */
async function ensureBranchOrg(trx: Trx, ctx: Ctx, compound: CompoundRow, name: string): Promise<string> {
  const existing = await findBranchOrgRow(trx, compound.id);
  if (existing) {
    if (existing.name !== name) {
      await trx
        .updateTable('org_unit')
        .set({ name, updated_at: isoNow(ctx.clock), version: sql`version + 1` })
        .where('id', '=', existing.id)
        .execute();
    }
    return existing.id;
  }
  const org = await trx.selectFrom('org_unit').select('kind').where('id', '=', compound.org_id).executeTakeFirst();
  if (!org || !canHoldChild(org.kind as OrgKind, 'branch'))
    throw invalidInput('params.kind', 'branchNotAllowedUnderOrg');
  const node = await insertBranchOrgUnit(trx, ctx, {
    compound: { id: compound.id, path: compound.path, orgId: compound.org_id },
    name,
  });
  await appendAudit(trx, ctx, {
    action: 'org.create',
    objectType: 'org_unit',
    objectId: node.id,
    details: { parentId: compound.org_id, kind: 'branch', name, compoundId: compound.id },
  });
  return node.id;
}

/** Updates the party row at the version the editor read, or creates it when they expected none (`v0`). */
async function upsertParty(
  trx: Trx,
  ctx: Ctx,
  target: { compoundId: string; kind: CompoundPartyKind; name: string; orgId: string | null },
  expectedVersion: number,
): Promise<string> {
  const existing = await trx
    .selectFrom('compound_party')
    .select(['id', 'version'])
    .where('compound_id', '=', target.compoundId)
    .where('kind', '=', target.kind)
    .executeTakeFirst();
  if (!existing) {
    if (expectedVersion !== 0) throw new AppError('VERSION_STALE');
    const id = newId();
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('compound_party')
      .values({
        id,
        compound_id: target.compoundId,
        kind: target.kind,
        name: target.name,
        org_id: target.orgId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }
  await updateAtVersion(trx, ctx, {
    table: 'compound_party',
    id: existing.id,
    expectedVersion,
    changes: { name: target.name, org_id: target.orgId },
  });
  return existing.id;
}

/**
 * Replaces one of the four parties of a compound with its people (REL-7: `If-Match` is the party's version,
 * `"v0"` to create it). A person listed with their `id` is kept with their stored phone unless the body sets
 * or clears it (the console only ever shows it masked); an `id` not on this party is 400; people not listed
 * are removed. Adding the `branch` party creates the compound's branch org node the first time.
 */
export async function replaceCompoundParty(
  ctx: Ctx,
  compoundId: string,
  kind: CompoundPartyKind,
  input: z.input<typeof ReplaceCompoundPartyBodySchema>,
  expectedVersion: number,
): Promise<CompoundParty> {
  const body = ReplaceCompoundPartyBodySchema.parse(input);
  requireActor(ctx);
  const compound = await findCompoundRow(ctx.db, compoundId);
  if (!compound) throw notFound('compound');
  authorize(ctx, 'compound.write', compound);
  return transact(ctx, async (trx) => {
    const orgId = kind === 'branch' ? await ensureBranchOrg(trx, ctx, compound, body.name) : null;
    const partyId = await upsertParty(trx, ctx, { compoundId, kind, name: body.name, orgId }, expectedVersion);
    const change = await writePartyPeople(trx, ctx, { id: partyId, compoundId }, body.people, 'body.people');
    await appendAudit(trx, ctx, {
      action: 'compound.party.replace',
      objectType: 'compound_party',
      objectId: partyId,
      details: { compoundId, kind, people: body.people.length, ...change, branchOrgId: orgId },
    });
    const parties = await loadCompoundParties(trx, ctx, compoundId);
    const party = parties.find((p) => p.id === partyId);
    if (!party) throw new AppError('INTERNAL');
    return party;
  });
}
