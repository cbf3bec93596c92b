import type { Db } from '../../../db/database.ts';
import { can, requireActor } from '../../../platform/access/authorize.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { invalidField } from './member-derive.ts';

/** The org kinds that hold memberships: a 党支部, or a 党总支 with members of its own. */
export const MEMBERSHIP_ORG_KINDS = ['branch', 'general_branch'] as const;

export interface PlaceRef {
  id: string;
  path: string;
}

/** Where a member belongs: the branch holding the membership and the compound lived in (at least one). */
export interface MemberPlaces {
  branch: PlaceRef | null;
  compound: PlaceRef | null;
}

const notFound = (object: string): AppError => new AppError('NOT_FOUND', { details: { object } });

/** A membership-holding Party org unit: 404 when unknown, 400 `memberBranch` for another kind of node. */
export async function resolveBranch(db: Db | Trx, id: string): Promise<PlaceRef> {
  const row = await db.selectFrom('org_unit').select(['id', 'path', 'kind']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('branch');
  if (!(MEMBERSHIP_ORG_KINDS as readonly string[]).includes(row.kind))
    throw invalidField('body.branchId', 'memberBranch');
  return { id: row.id, path: row.path };
}

export async function resolveCompound(db: Db | Trx, id: string): Promise<PlaceRef> {
  const row = await db.selectFrom('compound').select(['id', 'path']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('compound');
  return row;
}

/** The household must lie in the member's residence compound (400 `memberHousehold`). */
export async function checkHousehold(db: Db | Trx, householdId: string, compoundId: string | null): Promise<void> {
  const row = await db.selectFrom('household').select('compound_id').where('id', '=', householdId).executeTakeFirst();
  if (!row) throw notFound('household');
  if (row.compound_id !== compoundId) throw invalidField('body.householdId', 'memberHousehold');
}

export async function checkWorkUnit(db: Db | Trx, id: string): Promise<void> {
  const row = await db.selectFrom('work_unit').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('work_unit');
}

/**
 * The two scope paths of a member. Each falls back to the other place, so a member whose membership is held
 * outside the county (no branch) or who lives outside it (no compound) is still in someone's scope.
 */
export function placePaths(places: MemberPlaces): { homePath: string; residencePath: string } {
  const homePath = places.branch?.path ?? places.compound?.path;
  const residencePath = places.compound?.path ?? places.branch?.path;
  if (!homePath || !residencePath) throw invalidField('body.branchId', 'memberPlace');
  return { homePath, residencePath };
}

/** `member.write` over the home branch or the residence compound, else 403. */
export function authorizeWriteOnPlaces(ctx: Ctx, paths: { homePath: string; residencePath: string }): void {
  const actor = requireActor(ctx);
  if (can(actor, 'member.write', { path: paths.homePath })) return;
  if (can(actor, 'member.write', { path: paths.residencePath })) return;
  throw new AppError('FORBIDDEN', { details: { permission: 'member.write' } });
}
