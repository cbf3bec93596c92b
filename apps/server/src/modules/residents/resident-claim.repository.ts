import type { ResidentClaimListQuery } from '@linli/contracts';
import type { Db } from '../../db/database.ts';
import { inScope } from '../../platform/access/index.ts';
import type { Actor } from '../../platform/context.ts';
import type { Trx } from '../../platform/transaction.ts';

const CLAIM_COLUMNS = [
  'resident_claim.id',
  'resident_claim.user_id',
  'resident_claim.compound_id',
  'resident_claim.path',
  'resident_claim.building',
  'resident_claim.unit',
  'resident_claim.room',
  'resident_claim.status',
  'resident_claim.created_at',
  'app_user.display_name',
  'app_user.phone_cipher',
  'app_user.phone_index',
] as const;

export interface ClaimRow {
  id: string;
  user_id: string;
  compound_id: string;
  path: string;
  building: string;
  unit: string | null;
  room: string;
  status: 'pending' | 'confirmed' | 'rejected';
  created_at: string;
  display_name: string;
  phone_cipher: string | null;
  phone_index: string | null;
}

export async function insertClaim(
  trx: Trx,
  values: {
    id: string;
    userId: string;
    compoundId: string;
    path: string;
    building: string;
    unit: string | null;
    room: string;
    at: string;
  },
): Promise<void> {
  await trx
    .insertInto('resident_claim')
    .values({
      id: values.id,
      user_id: values.userId,
      compound_id: values.compoundId,
      path: values.path,
      building: values.building,
      unit: values.unit,
      room: values.room,
      status: 'pending',
      decided_by: null,
      decided_at: null,
      created_at: values.at,
    })
    .execute();
}

export function findClaim(db: Db | Trx, id: string): Promise<ClaimRow | undefined> {
  return db
    .selectFrom('resident_claim')
    .innerJoin('app_user', 'app_user.id', 'resident_claim.user_id')
    .select(CLAIM_COLUMNS)
    .where('resident_claim.id', '=', id)
    .executeTakeFirst();
}

/** Newest first (ids are UUIDv7), only under the actor's `compound.write` scopes; `limit + 1` rows. */
export function listClaims(db: Db, actor: Actor, query: ResidentClaimListQuery, beforeId: string | null) {
  return db
    .selectFrom('resident_claim')
    .innerJoin('app_user', 'app_user.id', 'resident_claim.user_id')
    .select(CLAIM_COLUMNS)
    .where(inScope(actor, 'compound.write', 'resident_claim.path'))
    .$if(query.compoundId !== undefined, (q) => q.where('resident_claim.compound_id', '=', query.compoundId ?? ''))
    .$if(query.status !== undefined, (q) => q.where('resident_claim.status', '=', query.status ?? 'pending'))
    .$if(beforeId !== null, (q) => q.where('resident_claim.id', '<', beforeId ?? ''))
    .orderBy('resident_claim.id', 'desc')
    .limit(query.limit + 1)
    .execute();
}

/** Decides a claim only while it is pending: of two racing decisions only one lands. */
export async function decideClaim(
  trx: Trx,
  id: string,
  decision: { status: 'confirmed' | 'rejected'; by: string; at: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('resident_claim')
    .set({ status: decision.status, decided_by: decision.by, decided_at: decision.at })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The `resident` role over the compound, once per user and compound (a second household in the same compound
 * adds no second assignment).
 */
export async function grantResidentRole(
  trx: Trx,
  values: { id: string; userId: string; compoundId: string; compoundPath: string; by: string; at: string },
): Promise<boolean> {
  const existing = await trx
    .selectFrom('role_assignment')
    .select('id')
    .where('user_id', '=', values.userId)
    .where('role', '=', 'resident')
    .where('scope_kind', '=', 'compound')
    .where('scope_id', '=', values.compoundId)
    .executeTakeFirst();
  if (existing) return false;
  await trx
    .insertInto('role_assignment')
    .values({
      id: values.id,
      user_id: values.userId,
      role: 'resident',
      scope_kind: 'compound',
      scope_id: values.compoundId,
      scope_path: values.compoundPath,
      created_at: values.at,
      created_by: values.by,
    })
    .execute();
  return true;
}
